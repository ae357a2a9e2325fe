package it.labimpact;

import it.labimpact.imports.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Lab'Impact platform: runs the partnership, registers activities and participants, proves results
 * with the fund's indicators and informs migrants in their languages.
 *
 * <p>Each direct sub-package is a Spring Modulith application module; see {@code docs/architecture.md}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class LabImpactApplication {

    public static void main(String[] args) {
        if (ImportCommand.requested(args)) {
            // the command-line import: no web server, exits with the import's code
            System.exit(ImportCommand.main(LabImpactApplication.class, args));
        }
        SpringApplication.run(LabImpactApplication.class, args);
    }
}
