package it.labimpact;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module map of docs/architecture.md, verified: no cycles, only public faces used across modules. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(LabImpactApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theModulesAreTheDocumentedOnes() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .containsExactlyInAnyOrder("shared", "audit", "territory", "partnership", "identity",
                        "activity", "participant", "indicator", "report", "cooperation", "imports", "directory",
                        "synthetic");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
