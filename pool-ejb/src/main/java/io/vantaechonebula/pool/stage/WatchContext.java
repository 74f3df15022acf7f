package io.vantaechonebula.pool.stage;

import io.vantaechonebula.analysis.stats.SeriesStatistic;
import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.FindingView;
import io.vantaechonebula.pool.api.NodeView;
import java.util.List;
import java.util.Optional;

/** What a watch sees and changes, all inside its run's transaction. */
public interface WatchContext {

    long nowMs();

    /** Every node the pool has stored a sample of. */
    List<NodeView> nodes();

    /** A series an agent's stage keeps, as it stood at the stage's last commit; empty until the stage has created it. */
    Optional<SeriesStatistic> series(Agent agent, String subject, String name);

    /** Alerts and insights seen in the last ten minutes that have no recommendation yet. */
    List<FindingView> withoutRecommendation();

    /** Gives the finding its recommendation. */
    void recommend(FindingView finding, String recommendation);

    /** Alerts seen in the last ten minutes and not resolved, acknowledged or not. */
    List<FindingView> activeAlerts();

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
