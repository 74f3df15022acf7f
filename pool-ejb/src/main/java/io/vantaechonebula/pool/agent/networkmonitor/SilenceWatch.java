package io.vantaechonebula.pool.agent.networkmonitor;

import io.vantaechonebula.analysis.stats.SeriesStatistic;
import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.NodeView;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.Json;
import io.vantaechonebula.pool.stage.Subjects;
import io.vantaechonebula.pool.stage.Watch;
import io.vantaechonebula.pool.stage.WatchContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Network Monitor's watch for nodes gone quiet. A node is silent once nothing arrived from it for
 * three times its usual gap between payloads (learnt per node by the Network Monitor's stage, 30 s
 * until it has been learnt), and never sooner than {@value #MIN_SILENCE_MS} ms. Nodes silent for over
 * a day are left out: they were retired, not lost. A node heard from again has its silence resolved.
 * Each run looks at {@value #NODES_PER_RUN} of the quiet nodes, going on from where the last run stopped,
 * so that thousands of nodes gone quiet cost each run the same.
 */
public final class SilenceWatch implements Watch {

    public static final String KIND = "node_silent";
    static final long MIN_SILENCE_MS = 15_000;
    static final long UNLEARNT_GAP_MS = 30_000;
    static final long GAPS_TO_LEARN = 3;
    static final double GAPS = 3;
    public static final long RETIRED_MS = 24 * 3_600_000L;
    static final int NODES_PER_RUN = 1_000;

    /** The node id the next run goes on after; runs of one watch never overlap. */
    private final AtomicReference<String> resumeAfter = new AtomicReference<>("");

    @Override
    public Agent agent() {
        return Agent.NETWORK_MONITOR;
    }

    @Override
    public String name() {
        return "silence";
    }

    @Override
    public long periodMs() {
        return 5_000;
    }

    @Override
    public int run(WatchContext context) {
        for (String heardAgain : context.nodesHeardSinceAlert(KIND, NODES_PER_RUN)) {
            context.resolveAlert(KIND, heardAgain);
        }
        List<NodeView> quiet = context.nodesQuiet(context.nowMs() - RETIRED_MS, context.nowMs() - MIN_SILENCE_MS,
                resumeAfter.get(), NODES_PER_RUN);
        resumeAfter.set(quiet.size() < NODES_PER_RUN ? "" : quiet.get(quiet.size() - 1).nodeId());
        for (NodeView node : quiet) {
            long silentMs = context.nowMs() - node.lastReceivedMs();
            Optional<SeriesStatistic> gaps = context.series(Agent.NETWORK_MONITOR, Subjects.node(node.nodeId()),
                    NetworkMonitor.ARRIVAL_GAP).filter(series -> series.count() >= GAPS_TO_LEARN);
            long usualGap = gaps.map(series -> Math.round(series.ewma())).orElse(UNLEARNT_GAP_MS);
            long limit = Math.max(MIN_SILENCE_MS, Math.round(GAPS * usualGap));
            if (silentMs > limit) {
                context.report(silent(node, silentMs, usualGap, limit, gaps.isPresent(), context.nowMs()));
            }
        }
        return quiet.size();
    }

    private static FindingReport silent(NodeView node, long silentMs, long usualGap, long limit, boolean learnt, long nowMs) {
        Severity severity = silentMs > 10 * limit ? Severity.CRITICAL : Severity.WARNING;
        return FindingReport.alert(Agent.NETWORK_MONITOR.id(), KIND, severity, node.nodeId(), null,
                "Nothing has arrived from node " + node.nodeId() + " for " + span(silentMs) + " (it usually sends every "
                        + span(usualGap) + ")",
                Json.object("last_received_ms", node.lastReceivedMs(), "silent_for_ms", silentMs,
                        "usual_gap_ms", usualGap, "usual_gap_learnt", learnt, "silent_after_ms", limit,
                        "chain_id", node.chainId()), nowMs);
    }

    /** A span as a person reads it: a node that sends several times a second usually sends every 200 ms, not 0 s. */
    static String span(long ms) {
        return ms < 1_000 ? ms + " ms" : ms < 120_000 ? ms / 1000 + " s" : ms / 60_000 + " min";
    }
}
