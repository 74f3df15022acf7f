package io.vantaechonebula.pool.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.Json;
import org.junit.jupiter.api.Test;

class FindingTest {

    private static FindingReport latency(Severity severity, double ms, long atMs) {
        return FindingReport.alert("network-monitor", "high_latency", severity, "a", null,
                "Node a has " + ms + " ms", Json.object("average_latency_ms", ms), atMs);
    }

    @Test
    void aFindingSeenAgainKeepsWhenItBeganAndTakesTheNewestEvidence() {
        Finding finding = new Finding(latency(Severity.WARNING, 150, 1_000));
        finding.seenAgain(latency(Severity.WARNING, 170, 5_000));

        assertThat(finding.firstSeenMs()).isEqualTo(1_000);
        assertThat(finding.lastSeenMs()).isEqualTo(5_000);
        assertThat(finding.occurrences()).isEqualTo(2);
        assertThat(finding.evidenceJson()).contains("170");
        assertThat(finding.nodeId()).contains("a");
        assertThat(finding.chainId()).isEmpty();
    }

    @Test
    void anAcknowledgementHoldsUntilTheFindingGetsWorse() {
        Finding finding = new Finding(latency(Severity.WARNING, 150, 1_000));
        finding.acknowledge("alice", "replacing the disk", 2_000);
        finding.seenAgain(latency(Severity.WARNING, 160, 3_000));
        assertThat(finding.acknowledgedBy()).contains("alice");
        assertThat(finding.acknowledgedAtMs()).contains(2_000L);
        assertThat(finding.view(3_000).acknowledgedComment()).contains("replacing the disk");

        finding.seenAgain(latency(Severity.CRITICAL, 900, 4_000));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.acknowledgedBy()).as("worse than what alice saw").isEmpty();
        assertThat(finding.view(4_000).acknowledgedComment()).isEmpty();
        finding.seenAgain(latency(Severity.WARNING, 150, 5_000));
        assertThat(finding.severity()).as("a finding does not calm down by itself").isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aFindingIsActiveForTenMinutesAfterItWasLastSeen() {
        Finding finding = new Finding(latency(Severity.WARNING, 150, 1_000));
        assertThat(finding.activeAt(1_000 + Finding.ACTIVE_MS - 1)).isTrue();
        assertThat(finding.activeAt(1_000 + Finding.ACTIVE_MS)).isFalse();
    }

    @Test
    void aResolvedFindingIsNoLongerActiveUntilItIsSeenAgain() {
        Finding finding = new Finding(latency(Severity.WARNING, 150, 1_000));
        finding.resolve(2_000);
        assertThat(finding.activeAt(2_001)).isFalse();
        finding.seenAgain(latency(Severity.WARNING, 150, 3_000));
        assertThat(finding.activeAt(3_001)).isTrue();
        assertThat(finding.resolvedAtMs()).isEmpty();
    }

    @Test
    void aRecommendationOnceGivenStaysWhenLaterReportsHaveNone() {
        Finding finding = new Finding(latency(Severity.WARNING, 150, 1_000).withRecommendation("pick peers under 50 ms"));
        finding.seenAgain(latency(Severity.WARNING, 160, 2_000));
        assertThat(finding.recommendation()).contains("pick peers under 50 ms");
    }
}
