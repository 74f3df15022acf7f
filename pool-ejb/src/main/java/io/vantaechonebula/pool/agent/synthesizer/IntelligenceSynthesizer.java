package io.vantaechonebula.pool.agent.synthesizer;

import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.FindingView;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.Json;
import io.vantaechonebula.pool.stage.Watch;
import io.vantaechonebula.pool.stage.WatchContext;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Correlates the agents' active alerts into insights: half or more of the nodes heard from in the
 * last hour gone silent together is a partition; half or more with high latency is the network's
 * latency, not one node's; a node with {@value #KINDS_FOR_TROUBLE} or more kinds of alert at once is
 * in trouble as a whole. Each needs at least {@value #MIN_NODES} nodes. On a chain, one miner dominating
 * while the hash rate collapses or blocks slow down is a majority-attack risk. An insight is resolved
 * once its condition no longer holds.
 */
public final class IntelligenceSynthesizer implements Watch {

    static final int MIN_NODES = 2;
    static final int KINDS_FOR_TROUBLE = 3;
    static final long RECENT_NODE_MS = 3_600_000L;
    static final String MAJORITY_ATTACK = "majority_attack_risk";
    static final String NODE_IN_TROUBLE = "node_in_trouble";
    /** Alerts, insights or nodes a run goes over at most of each: the rest wait for a later run. */
    static final int FINDINGS_PER_RUN = 1_000;
    /** Nodes named in a network-wide insight's evidence; it counts them all. */
    static final int NODES_NAMED = 50;

    @Override
    public Agent agent() {
        return Agent.INTELLIGENCE_SYNTHESIZER;
    }

    @Override
    public String name() {
        return "correlations";
    }

    @Override
    public long periodMs() {
        return 5_000;
    }

    @Override
    public int run(WatchContext context) {
        long recentNodes = context.nodesHeardSince(context.nowMs() - RECENT_NODE_MS);
        networkWide(context, recentNodes, "node_silent", "partition", Severity.CRITICAL,
                "The pool has lost %d of its %d nodes at once: a network partition or an outage between them and the pool");
        networkWide(context, recentNodes, "high_latency", "network_latency", Severity.WARNING,
                "%d of %d nodes have high latency at once: the network is slow, not one node");
        int troubled = nodesInTrouble(context);
        return troubled + majorityAttackRisk(context);
    }

    private static int majorityAttackRisk(WatchContext context) {
        List<FindingView> alerts = context.activeAlerts(Set.of("dominant_miner", "hash_rate_collapse", "slow_blocks"),
                FINDINGS_PER_RUN);
        Map<String, Set<String>> kindsByChain = new TreeMap<>();
        for (FindingView alert : alerts) {
            alert.chainId().ifPresent(chain -> kindsByChain.computeIfAbsent(chain, c -> new TreeSet<>()).add(alert.kind()));
        }
        kindsByChain.forEach((chain, kinds) -> {
            Set<String> weakness = new TreeSet<>(kinds);
            weakness.retainAll(Set.of("hash_rate_collapse", "slow_blocks"));
            if (kinds.contains("dominant_miner") && !weakness.isEmpty()) {
                JsonArrayBuilder list = Json.PROVIDER.createArrayBuilder().add("dominant_miner");
                weakness.forEach(list::add);
                context.report(new FindingReport(FindingType.INSIGHT, Agent.INTELLIGENCE_SYNTHESIZER.id(), MAJORITY_ATTACK,
                        Severity.CRITICAL, null, chain, "On " + chain + " one miner dominates while " + String.join(" and ",
                        weakness).replace('_', ' ') + ": a majority-attack risk", Json.object("alert_kinds", list), null,
                        context.nowMs()));
            } else {
                context.resolveInsight(MAJORITY_ATTACK, null, chain);
            }
        });
        return alerts.size();
    }

    private static void networkWide(WatchContext context, long recentNodes, String alertKind, String insightKind,
                                    Severity severity, String summary) {
        long alerted = context.nodesAlerted(alertKind);
        if (alerted >= MIN_NODES && recentNodes > 0 && alerted * 2 >= recentNodes) {
            Set<String> named = context.activeAlerts(Set.of(alertKind), NODES_NAMED).stream()
                    .flatMap(alert -> alert.nodeId().stream()).collect(Collectors.toCollection(TreeSet::new));
            JsonArrayBuilder ids = Json.PROVIDER.createArrayBuilder();
            named.forEach(ids::add);
            context.report(new FindingReport(FindingType.INSIGHT, Agent.INTELLIGENCE_SYNTHESIZER.id(), insightKind, severity,
                    null, null, String.format(summary, alerted, recentNodes),
                    Json.object("nodes", ids, "node_count", alerted, "nodes_heard_from_last_hour", recentNodes,
                            "from_alerts", alertKind), null, context.nowMs()));
        } else {
            context.resolveInsight(insightKind, null);
        }
    }

    private static int nodesInTrouble(WatchContext context) {
        Map<String, Set<String>> troubled = context.nodesWithAlertKinds(KINDS_FOR_TROUBLE, FINDINGS_PER_RUN);
        troubled.forEach((node, kinds) -> {
            JsonArrayBuilder list = Json.PROVIDER.createArrayBuilder();
            kinds.forEach(list::add);
            context.report(new FindingReport(FindingType.INSIGHT, Agent.INTELLIGENCE_SYNTHESIZER.id(), NODE_IN_TROUBLE,
                    Severity.CRITICAL, node, null, "Node " + node + " has " + kinds.size() + " kinds of alert at once ("
                            + String.join(", ", kinds) + "): look at it as a whole", Json.object("alert_kinds", list), null,
                    context.nowMs()));
        });
        // A full page may have left troubled nodes out: ending their insights would be wrong, so they wait for a shorter page.
        if (troubled.size() < FINDINGS_PER_RUN) {
            for (FindingView insight : context.activeInsights(NODE_IN_TROUBLE, FINDINGS_PER_RUN)) {
                insight.nodeId().filter(node -> !troubled.containsKey(node))
                        .ifPresent(node -> context.resolveInsight(NODE_IN_TROUBLE, node));
            }
        }
        return troubled.size();
    }
}
