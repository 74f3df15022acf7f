package io.vantaechonebula.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Prometheus files under deploy/prometheus, as promtool checks and tests them. */
class PrometheusFilesTest {

    @Test
    void theScrapeConfigAndItsRuleFileAreValid() throws Exception {
        Promtool.Result checked = Promtool.run(Promtool.PROMETHEUS, "check", "config", "prometheus.yml");

        assertThat(checked.exitCode()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void everyAlertRuleIsValidAndHasItsUnitTest() throws Exception {
        Promtool.Result checked = Promtool.run(Promtool.PROMETHEUS, "check", "rules", "vanta-alerts.yml");
        assertThat(checked.exitCode()).as(checked.output()).isZero();

        String rules = Files.readString(Promtool.PROMETHEUS.resolve("vanta-alerts.yml"));
        String tests = Files.readString(Promtool.PROMETHEUS.resolve("vanta-alerts.test.yml"));
        for (String alert : rules.lines().filter(line -> line.trim().startsWith("- alert: "))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).toList()) {
            assertThat(tests).as("a test of " + alert).contains("alertname: " + alert);
        }
        assertThat(rules).contains("alert: VantaChainStalled", "alert: VantaFinalityLagging", "alert: VantaPeersLow",
                "alert: VantaPoolQueueFilling", "alert: VantaStageStuck", "alert: VantaNodeSilent");
    }

    @Test
    void theAlertRulesPassTheirUnitTests() throws Exception {
        Promtool.Result tested = Promtool.run(Promtool.PROMETHEUS, "test", "rules", "vanta-alerts.test.yml");

        assertThat(tested.exitCode()).as(tested.output()).isZero();
        assertThat(tested.output()).contains("SUCCESS");
    }

    @Test
    void aRuleTestThatExpectsTheWrongAlertFails() throws Exception {
        Path folder = Files.createTempDirectory("vanta-rules");
        Files.copy(Promtool.PROMETHEUS.resolve("vanta-alerts.yml"), folder.resolve("vanta-alerts.yml"));
        String wrong = Files.readString(Promtool.PROMETHEUS.resolve("vanta-alerts.test.yml"))
                .replace("summary: a:8080 has no connected peer", "summary: b:8080 has no connected peer");
        Files.writeString(folder.resolve("wrong.test.yml"), wrong);

        Promtool.Result tested = Promtool.run(folder, "test", "rules", "wrong.test.yml");

        assertThat(tested.exitCode()).as("promtool fails a test whose expectation is wrong").isNotZero();
        assertThat(tested.output()).contains("VantaPeersLow");
    }
}
