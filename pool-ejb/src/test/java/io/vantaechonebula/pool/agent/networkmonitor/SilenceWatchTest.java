package io.vantaechonebula.pool.agent.networkmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.findings.Findings;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.MemoryWatchContext;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class SilenceWatchTest {

    private static final long NOW = 1_800_000_000_000L;
    @Test
    void aNodeIsSilentAfterThreeOfItsUsualGapsAndNotBefore() {
        MemoryWatchContext context = new MemoryWatchContext(NOW);
        context.node("steady", NOW - 14_000);
        context.node("quiet", NOW - 31_000);
        context.node("retired", NOW - 25 * 3_600_000L);
        context.series(Agent.NETWORK_MONITOR, "node:steady", NetworkMonitor.ARRIVAL_GAP, 5_000, 5_000, 5_000, 5_000);
        context.series(Agent.NETWORK_MONITOR, "node:quiet", NetworkMonitor.ARRIVAL_GAP, 10_000, 10_000, 10_000);
        context.activeAlerts.add(Findings.of(FindingReport.alert(Agent.NETWORK_MONITOR.id(), SilenceWatch.KIND, Severity.WARNING,
                "steady", null, "silent", JsonValue.EMPTY_JSON_OBJECT, NOW - 20_000)));

        int looked = new SilenceWatch().run(context);

        assertThat(looked).as("the retired node and the one heard from 14 s ago are left out").isEqualTo(1);
        assertThat(context.reports).extracting(FindingReport::nodeId).containsExactly("quiet");
        assertThat(context.resolved).as("a node heard from ends its silence").containsExactly("node_silent:steady");
        FindingReport silent = context.reports.get(0);
        assertThat(silent.kind()).isEqualTo("node_silent");
        assertThat(silent.evidence().getJsonNumber("usual_gap_ms").longValue()).isEqualTo(10_000);
        assertThat(silent.evidence().getJsonNumber("silent_after_ms").longValue()).isEqualTo(30_000);
        assertThat(silent.summary()).isEqualTo("Nothing has arrived from node quiet for 31 s (it usually sends every 10 s)");
    }

    @Test
    void aNodeWhoseGapIsNotLearntYetIsGivenThirtySecondsBetweenPayloads() {
        MemoryWatchContext context = new MemoryWatchContext(NOW);
        context.node("new", NOW - 89_000);
        context.series(Agent.NETWORK_MONITOR, "node:new", NetworkMonitor.ARRIVAL_GAP, 1_000, 1_000);
        new SilenceWatch().run(context);
        assertThat(context.reports).isEmpty();

        context.nowMs = NOW + 2_000;
        new SilenceWatch().run(context);
        assertThat(context.reports).singleElement().satisfies(r -> {
            assertThat(r.evidence().getBoolean("usual_gap_learnt")).isFalse();
            assertThat(r.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void aSilenceSeenBeforeTheNodeWasLastHeardFromIsTheOnlyOneEnded() {
        MemoryWatchContext context = new MemoryWatchContext(NOW);
        context.node("back", NOW - 5_000);
        context.node("still-quiet", NOW - 60_000);
        context.activeAlerts.add(Findings.of(FindingReport.alert(Agent.NETWORK_MONITOR.id(), SilenceWatch.KIND, Severity.WARNING,
                "back", null, "silent", JsonValue.EMPTY_JSON_OBJECT, NOW - 10_000)));
        context.activeAlerts.add(Findings.of(FindingReport.alert(Agent.NETWORK_MONITOR.id(), SilenceWatch.KIND, Severity.WARNING,
                "still-quiet", null, "silent", JsonValue.EMPTY_JSON_OBJECT, NOW - 10_000)));

        new SilenceWatch().run(context);

        assertThat(context.resolved).containsExactly("node_silent:back");
    }

    @Test
    void manyQuietNodesAreLookedAtAPageARunAndEveryOneInTurn() {
        MemoryWatchContext context = new MemoryWatchContext(NOW);
        int quiet = SilenceWatch.NODES_PER_RUN + SilenceWatch.NODES_PER_RUN / 2;
        for (int i = 0; i < quiet; i++) {
            context.node("node-%05d".formatted(i), NOW - 120_000);
        }
        SilenceWatch watch = new SilenceWatch();

        assertThat(watch.run(context)).isEqualTo(SilenceWatch.NODES_PER_RUN);
        assertThat(watch.run(context)).isEqualTo(quiet - SilenceWatch.NODES_PER_RUN);
        assertThat(context.reports).extracting(FindingReport::nodeId).doesNotHaveDuplicates().hasSize(quiet);
        assertThat(watch.run(context)).as("then from the first again").isEqualTo(SilenceWatch.NODES_PER_RUN);
        assertThat(context.reports.get(quiet).nodeId()).isEqualTo("node-00000");
    }

    @Test
    void aSpanReadsInTheUnitThatSaysSomething() {
        assertThat(SilenceWatch.span(200)).isEqualTo("200 ms");
        assertThat(SilenceWatch.span(31_000)).isEqualTo("31 s");
        assertThat(SilenceWatch.span(600_000)).isEqualTo("10 min");
    }
}
