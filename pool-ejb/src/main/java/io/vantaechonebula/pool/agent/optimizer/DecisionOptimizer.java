package io.vantaechonebula.pool.agent.optimizer;

import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.FindingView;
import io.vantaechonebula.pool.api.NodeView;
import io.vantaechonebula.pool.stage.Subjects;
import io.vantaechonebula.pool.stage.Watch;
import io.vantaechonebula.pool.stage.WatchContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gives every new alert and insight a recommendation ({@link Recommendations}); for a node with high
 * latency it names the nodes under 50 ms among the {@value #PEER_CANDIDATES} that reported last, in the last
 * five minutes.
 */
public final class DecisionOptimizer implements Watch {

    static final long RECENT_MS = 5 * 60_000L;
    /** Nodes looked at for fast peers: a few to name are plenty, and each costs a lookup. */
    static final int PEER_CANDIDATES = 200;

    @Override
    public Agent agent() {
        return Agent.DECISION_OPTIMIZER;
    }

    @Override
    public String name() {
        return "recommendations";
    }

    @Override
    public long periodMs() {
        return 1_000;
    }

    @Override
    public int run(WatchContext context) {
        List<FindingView> findings = context.withoutRecommendation();
        if (findings.isEmpty()) {
            return 0;
        }
        List<Recommendations.Peer> fast = fastPeers(context);
        for (FindingView finding : findings) {
            String nodeId = finding.nodeId().orElse(null);
            List<Recommendations.Peer> others = fast.stream().filter(p -> !p.nodeId().equals(nodeId)).toList();
            context.recommend(finding, Recommendations.forFinding(finding.kind(), nodeId,
                    finding.chainId().orElse(null), finding.evidence(), others));
        }
        return findings.size();
    }

    private static List<Recommendations.Peer> fastPeers(WatchContext context) {
        List<Recommendations.Peer> fast = new ArrayList<>();
        for (NodeView node : context.nodesHeardSince(context.nowMs() - RECENT_MS, PEER_CANDIDATES)) {
            context.series(Agent.NETWORK_MONITOR, Subjects.node(node.nodeId()), "average_latency")
                    .filter(latency -> latency.count() > 0 && latency.last() < Recommendations.FAST_PEER_MS)
                    .ifPresent(latency -> fast.add(new Recommendations.Peer(node.nodeId(), latency.last())));
        }
        fast.sort(Comparator.comparingDouble(Recommendations.Peer::latencyMs));
        return fast;
    }
}
