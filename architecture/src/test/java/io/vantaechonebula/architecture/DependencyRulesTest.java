package io.vantaechonebula.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dependency rules of docs/architecture.md: each test is one rule, and a violation fails the build. */
class DependencyRulesTest {

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
    void p2pImportsNoAnalysis() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.vantaechonebula.analysis..")
                .because("the protocol carries alerts in its own wire form; analysis raises them through p2p's port")
                .check(ModuleClasses.of("p2p"));
    }
}
