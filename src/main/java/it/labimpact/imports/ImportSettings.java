package it.labimpact.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of an upload ({@code labimpact.imports.*}).
 *
 * @param maxFileBytes larger files are refused before being read
 * @param maxRows files with more data rows are refused before any row is checked
 * @param keepFileMinutes how long the uploaded file stays in memory for the downloadable report
 */
@ConfigurationProperties("labimpact.imports")
public record ImportSettings(@DefaultValue("5242880") long maxFileBytes, @DefaultValue("20000") int maxRows,
        @DefaultValue("60") int keepFileMinutes) {

    public ImportSettings {
        if (maxFileBytes < 1 || maxRows < 1 || keepFileMinutes < 1) {
            throw new IllegalArgumentException("labimpact.imports limits must be positive");
        }
    }
}
