package io.vantaechonebula.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dependency rules of docs/architecture.md: each test is one rule, and a violation fails the build. */
class DependencyRulesTest {

    /** The node module's classes other than its api, and node-core's mutable running chains. */
    private static final DescribedPredicate<JavaClass> NODE_OUTSIDE_ITS_API = new DescribedPredicate<>(
            "a node class outside io.vantaechonebula.node.api (node-core's records and enums excepted)") {
        @Override
        public boolean test(JavaClass type) {
            String name = type.getPackageName();
            return name.startsWith("io.vantaechonebula.node.") && !name.startsWith("io.vantaechonebula.node.api")
                    && !(name.equals("io.vantaechonebula.node.running") && (type.isRecord() || type.isEnum()));
        }
    };

    @ParameterizedTest(name = "{0} has no package cycle")
    @ValueSource(strings = {"chain-core", "chain-json", "analysis", "operators", "p2p", "telemetry", "telemetry-collector", "node-core", "node-ejb", "web", "node-agent"})
    void aModuleHasNoPackageCycle(String module) {
        slices().matching("io.vantaechonebula.(**)").should().beFreeOfCycles().allowEmptyShould(true)
                .check(ModuleClasses.of(module));
    }

    @Test
    void chainCoreImportsNoJakarta() {
        noClasses().should().dependOnClassesThat().resideInAPackage("jakarta..")
                .because("chain-core is plain Java, tested in milliseconds without a container")
                .check(ModuleClasses.of("chain-core"));
    }

    @Test
    void webReachesTheNodeOnlyThroughItsApi() {
        noClasses().should().dependOnClassesThat(NODE_OUTSIDE_ITS_API)
                .because("the interface tier uses the node's @Local services and the values they return, never its beans,"
                        + " entities or running chains")
                .check(ModuleClasses.of("web"));
    }

    @Test
    void p2pImportsNoAnalysis() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.vantaechonebula.analysis..")
                .because("the protocol carries alerts in its own wire form; analysis raises them through p2p's port")
                .check(ModuleClasses.of("p2p"));
    }
}
