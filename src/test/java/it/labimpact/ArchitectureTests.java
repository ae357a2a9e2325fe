package it.labimpact;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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

    @Test
    void nothingButTheSharedKernelReadsTheSecurityContextDirectly() {
        noClasses().that().resideOutsideOfPackages("it.labimpact.shared..", "it.labimpact.identity..")
                .should().accessClassesThat().haveFullyQualifiedName(
                        "org.springframework.security.core.context.SecurityContextHolder")
                .check(classes);
    }
}
