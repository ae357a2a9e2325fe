package it.labimpact;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Naming and visibility rules from the style guide. */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("it.labimpact");

    @Test
    void repositoriesArePackagePrivate() {
        classes().that().areAnnotatedWith(Repository.class).should().notBePublic()
                .andShould().haveSimpleNameEndingWith("Repository").check(classes);
    }

    @Test
    void pageControllersAreNamedAndHidden() {
        classes().that().areAnnotatedWith(Controller.class).should().haveSimpleNameEndingWith("Controller")
                .andShould().notBePublic().andShould().resideInAPackage("..web..").check(classes);
    }

    @Test
    void apiControllersAreNamedAndHidden() {
        classes().that().areAnnotatedWith(RestController.class).should().haveSimpleNameEndingWith("ApiController")
                .andShould().notBePublic().andShould().resideInAPackage("..api..").check(classes);
    }

    /**
     * The statistics modules read other modules' data only through the {@code <module>_fact_*} views the owners
     * publish (docs/architecture.md); their own tables carry their prefix. Checked on the SQL in their sources.
     */
    @Test
    void statisticsReadOnlyPublishedFacts() throws IOException {
        Pattern table = Pattern.compile("(?<![:\\w])(?:from|join)\\s+([a-z][a-z0-9_]*)");
        for (String module : List.of("indicator", "report")) {
            Path root = Path.of("src/main/java/it/labimpact", module);
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<String> offending = new ArrayList<>();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(file)) {
                        String code = line.trim();
                        if (code.startsWith("*") || code.startsWith("/") || code.startsWith("@")
                                || code.contains("Exception(")) { // comments, annotations, error messages
                            continue;
                        }
                        Matcher m = table.matcher(code);
                        while (m.find()) {
                            String name = m.group(1);
                            if (!name.matches("[a-z]+_fact_[a-z_]+|" + module + "_[a-z_]+|ind_[a-z_]+|lateral")) {
                                offending.add(file.getFileName() + ": " + name);
                            }
                        }
                    }
                }
            }
            assertThat(offending).as("tables read by " + module).isEmpty();
        }
    }

    @Test
    void nothingButTheSharedKernelReadsTheSecurityContextDirectly() {
        noClasses().that().resideOutsideOfPackages("it.labimpact.shared..", "it.labimpact.identity..")
                .should().accessClassesThat().haveFullyQualifiedName(
                        "org.springframework.security.core.context.SecurityContextHolder")
                .check(classes);
    }
}
