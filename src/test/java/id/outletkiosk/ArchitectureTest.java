package id.outletkiosk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The floor plan, pinned: each layer uses only the layers under it, and no package needs another that
 * needs it back. The README's layout section draws the same picture; change both together.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.outletkiosk");
    }

    @Test
    void eachLayerUsesOnlyTheLayersUnderIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Main").definedBy("id.outletkiosk")
                .layer("Command line").definedBy("id.outletkiosk.cli..")
                .layer("Desktop app").definedBy("id.outletkiosk.ui.app..")
                // every screen package, present and future: all of ui but the desktop app's roots
                .layer("Screens").definedBy(resideInAPackage("id.outletkiosk.ui..")
                        .and(not(resideInAPackage("id.outletkiosk.ui.app.."))))
                .layer("Runtime").definedBy("id.outletkiosk.runtime..")
                .layer("Servers").definedBy("id.outletkiosk.server..")
                .layer("Sync").definedBy("id.outletkiosk.sync..")
                .layer("Health").definedBy("id.outletkiosk.health..")
                .layer("Clients").definedBy("id.outletkiosk.api..")
                .layer("Local store").definedBy("id.outletkiosk.store..")
                .layer("Pricing").definedBy("id.outletkiosk.pricing..")
                .layer("Wire").definedBy("id.outletkiosk.wire..")
                .layer("Config").definedBy("id.outletkiosk.config..")
                .layer("Logging").definedBy("id.outletkiosk.logging..")
                .layer("Security").definedBy("id.outletkiosk.security..")
                .layer("Model").definedBy("id.outletkiosk.model..")
                // what each layer may use, top to bottom
                .whereLayer("Main").mayOnlyAccessLayers("Command line")
                .whereLayer("Command line").mayOnlyAccessLayers("Desktop app", "Screens", "Runtime", "Servers", "Sync", "Health",
                        "Clients", "Local store", "Pricing", "Wire", "Config", "Logging", "Security", "Model")
                // the role roots build each screen's narrow view of the terminal from the runtime ...
                .whereLayer("Desktop app").mayOnlyAccessLayers("Screens", "Runtime", "Sync", "Health", "Clients",
                        "Local store", "Pricing", "Config", "Security", "Model")
                // ... so a screen never reaches the runtime, only what its root hands it
                .whereLayer("Screens").mayOnlyAccessLayers("Sync", "Health", "Clients", "Local store", "Pricing",
                        "Config", "Security", "Model")
                .whereLayer("Runtime").mayOnlyAccessLayers("Servers", "Sync", "Health", "Clients", "Local store",
                        "Pricing", "Wire", "Config", "Logging", "Security", "Model")
                .whereLayer("Servers").mayOnlyAccessLayers("Clients", "Local store", "Pricing", "Wire", "Config",
                        "Security", "Model")
                .whereLayer("Sync").mayOnlyAccessLayers("Clients", "Local store", "Pricing", "Wire", "Config",
                        "Security", "Model")
                .whereLayer("Health").mayOnlyAccessLayers("Config", "Model")
                .whereLayer("Clients").mayOnlyAccessLayers("Wire", "Config", "Security", "Model")
                .whereLayer("Local store").mayOnlyAccessLayers("Pricing", "Wire", "Config", "Model")
                .whereLayer("Pricing").mayOnlyAccessLayers("Model")
                .whereLayer("Wire").mayOnlyAccessLayers("Model")
                .whereLayer("Config").mayOnlyAccessLayers("Security", "Model")
                .whereLayer("Logging").mayOnlyAccessLayers("Config", "Model")
                .whereLayer("Security").mayOnlyAccessLayers("Model")
                .whereLayer("Model").mayNotAccessAnyLayer()
                .check(classes);
    }

    @Test
    void noPackageNeedsAnotherThatNeedsItBack() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return javaClass.getPackageName().startsWith("id.outletkiosk")
                        ? SliceIdentifier.of(javaClass.getPackageName()) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "each package of id.outletkiosk";
            }
        }).should().beFreeOfCycles().check(classes);
    }
}
