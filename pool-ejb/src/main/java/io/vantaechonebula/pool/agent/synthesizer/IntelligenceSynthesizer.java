package io.vantaechonebula.pool.agent.synthesizer;

import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.FindingView;
import io.vantaechonebula.pool.api.NodeView;
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
        List<FindingView> alerts = context.activeAlerts();
        long recentNodes = context.nodes().stream()
                .filter(node -> context.nowMs() - node.lastReceivedMs() <= RECENT_NODE_MS).count();
        networkWide(context, alerts, recentNodes, "node_silent", "partition", Severity.CRITICAL,
                "The pool has lost %d of its %d nodes at once: a network partition or an outage between them and the pool");
        networkWide(context, alerts, recentNodes, "high_latency", "network_latency", Severity.WARNING,
                "%d of %d nodes have high latency at once: the network is slow, not one node");
        nodesInTrouble(context, alerts);
        majorityAttackRisk(context, alerts);
        return alerts.size();
    }

    private static void majorityAttackRisk(WatchContext context, List<FindingView> alerts) {
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
    }

    private static void networkWide(WatchContext context, List<FindingView> alerts, long recentNodes, String alertKind,
                                    String insightKind, Severity severity, String summary) {
        Set<String> nodes = alerts.stream().filter(alert -> alert.kind().equals(alertKind))
                .map(alert -> alert.nodeId().orElse("")).filter(id -> !id.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        if (nodes.size() >= MIN_NODES && recentNodes > 0 && nodes.size() * 2 >= recentNodes) {
            JsonArrayBuilder ids = Json.PROVIDER.createArrayBuilder();
            nodes.forEach(ids::add);
            context.report(new FindingReport(FindingType.INSIGHT, Agent.INTELLIGENCE_SYNTHESIZER.id(), insightKind, severity,
                    null, null, String.format(summary, nodes.size(), recentNodes),
                    Json.object("nodes", ids, "node_count", nodes.size(), "nodes_heard_from_last_hour", recentNodes,
                            "from_alerts", alertKind), null, context.nowMs()));
        } else {
            context.resolveInsight(insightKind, null);
        }
    }

    private static void nodesInTrouble(WatchContext context, List<FindingView> alerts) {
        Map<String, Set<String>> kindsByNode = new TreeMap<>();
        for (FindingView alert : alerts) {
            alert.nodeId().ifPresent(node -> kindsByNode.computeIfAbsent(node, n -> new TreeSet<>()).add(alert.kind()));
        }
        for (NodeView node : context.nodes()) {
            Set<String> kinds = kindsByNode.getOrDefault(node.nodeId(), Set.of());
            if (kinds.size() >= KINDS_FOR_TROUBLE) {
                JsonArrayBuilder list = Json.PROVIDER.createArrayBuilder();
                kinds.forEach(list::add);
                context.report(new FindingReport(FindingType.INSIGHT, Agent.INTELLIGENCE_SYNTHESIZER.id(), "node_in_trouble",
                        Severity.CRITICAL, node.nodeId(), null, "Node " + node.nodeId() + " has " + kinds.size()
                                + " kinds of alert at once (" + String.join(", ", kinds) + "): look at it as a whole",
                        Json.object("alert_kinds", list), null, context.nowMs()));
            } else {
                context.resolveInsight("node_in_trouble", node.nodeId());
            }
        }
    }
}
