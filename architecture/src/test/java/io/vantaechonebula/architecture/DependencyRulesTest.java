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

    /**
     * The EJB modules' classes other than their api packages, and node-core's mutable running chains: what the
     * interface tier must not touch.
     */
    private static final DescribedPredicate<JavaClass> EJB_MODULE_OUTSIDE_ITS_API = new DescribedPredicate<>(
            "a class of the node or the pool outside their api packages (node-core's records and enums excepted)") {
        @Override
        public boolean test(JavaClass type) {
            String name = type.getPackageName();
            boolean node = name.startsWith("io.vantaechonebula.node.") && !name.startsWith("io.vantaechonebula.node.api")
                    && !(name.equals("io.vantaechonebula.node.running") && (type.isRecord() || type.isEnum()));
            boolean pool = name.startsWith("io.vantaechonebula.pool.") && !name.startsWith("io.vantaechonebula.pool.api");
            return node || pool;
        }
    };

    @ParameterizedTest(name = "{0} has no package cycle")
    @ValueSource(strings = {"chain-core", "chain-json", "analysis", "operators", "p2p", "telemetry", "telemetry-collector", "node-core", "node-ejb", "pool-ejb", "web", "node-agent"})
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
    void webImportsOnlyTheApiOfTheEjbModules() {
        noClasses().should().dependOnClassesThat(EJB_MODULE_OUTSIDE_ITS_API)
                .because("the interface tier uses the node's and the pool's @Local services and the values they return,"
                        + " never their beans, entities, singletons or running chains")
                .check(ModuleClasses.of("web"));
    }

    @Test
    void p2pImportsNoAnalysis() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.vantaechonebula.analysis..")
                .because("the protocol carries alerts in its own wire form; analysis raises them through p2p's port")
                .check(ModuleClasses.of("p2p"));
    }

    @Test
    void thePoolsAgentsSitBelowItsPipelineIntakeAndServices() {
        noClasses().that().resideInAPackage("io.vantaechonebula.pool.agent..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vantaechonebula.pool.pipeline..",
                        "io.vantaechonebula.pool.ingest..", "io.vantaechonebula.pool.service..")
                .because("the pipeline lists and drives the agents; an agent knows the stage SPI, not who runs it")
                .check(ModuleClasses.of("pool-ejb"));
    }

    @Test
    void thePoolsStageSpiIsPlainJava() {
        noClasses().that().resideInAPackage("io.vantaechonebula.pool.stage..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "jakarta.ejb..", "jakarta.jms..")
                .because("stages, watches and learners are plain classes over the statistics port, tested without a container")
                .check(ModuleClasses.of("pool-ejb"));
    }
}
