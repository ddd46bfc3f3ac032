package preflight;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of DESIGN.md: each feature's {@code package-info} names the modules it
 * may use, and Modulith refuses anything else, cycles, and reaching into another module's
 * sub-packages. The module diagram in {@code docs/modules} is drawn from the same model.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(PreflightApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagram() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
