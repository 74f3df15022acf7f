package io.vantaechonebula.pool.stage;

import io.vantaechonebula.analysis.stats.SeriesStatistic;
import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.FindingView;
import io.vantaechonebula.pool.api.NodeView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a watch sees and changes, all inside its run's transaction. Whatever may grow with the number of
 * nodes or findings comes counted or a bounded page at a time: a sender inventing node ids must not
 * make a watch's run cost more with each one.
 */
public interface WatchContext {

    long nowMs();

    /** How many nodes the pool has heard from at or after that time. */
    long nodesHeardSince(long sinceMs);

    /** At most {@code limit} nodes heard from at or after that time, the most recently heard first. */
    List<NodeView> nodesHeardSince(long sinceMs, int limit);

    /**
     * At most {@code limit} nodes last heard from at or after {@code heardSinceMs} and before
     * {@code quietSinceMs}, by node id from the first after {@code afterNodeId} ("" for the first of all).
     */
    List<NodeView> nodesQuiet(long heardSinceMs, long quietSinceMs, String afterNodeId, int limit);

    /** Nodes that sent something after this agent's active alert of that kind about them was last seen; at most {@code limit}. */
    List<String> nodesHeardSinceAlert(String kind, int limit);

    /** A series an agent's stage keeps, as it stood at the stage's last commit; empty until the stage has created it. */
    Optional<SeriesStatistic> series(Agent agent, String subject, String name);

    /** Alerts and insights seen in the last ten minutes that have no recommendation yet. */
    List<FindingView> withoutRecommendation();

    /** Gives the finding its recommendation. */
    void recommend(FindingView finding, String recommendation);

    /**
     * Alerts of these kinds seen in the last ten minutes and not resolved, acknowledged or not, the
     * most recently seen first; at most {@code limit}.
     */
    List<FindingView> activeAlerts(Set<String> kinds, int limit);

    /** How many nodes have an active alert of that kind. */
    long nodesAlerted(String kind);

    /** Nodes with active alerts of at least {@code minKinds} kinds, each with those kinds, by node id; at most {@code limit} nodes. */
    Map<String, Set<String>> nodesWithAlertKinds(int minKinds, int limit);

    /** This agent's active insights of that kind, at most {@code limit}. */
    List<FindingView> activeInsights(String kind, int limit);

    void report(FindingReport report);

    /** Ends this agent's active alert of that kind about the node, if it has one. */
    void resolveAlert(String kind, String nodeId);

    /** Ends this agent's active insight of that kind (about the node, or the network when null), if it has one. */
    default void resolveInsight(String kind, String nodeId) {
        resolveInsight(kind, nodeId, null);
    }

    /** Ends this agent's active insight of that kind about the node (null: none) on the chain (null: every chain). */
    void resolveInsight(String kind, String nodeId, String chainId);
}
