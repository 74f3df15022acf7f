package io.vantaechonebula.analysis.tx;

import io.vantaechonebula.p2p.alert.TransactionAlert;
import java.util.List;

/**
 * What a node's transaction watch saw on one chain since the last report, for its telemetry.
 *
 * @param maxScore       the highest score of the transactions analysed, 0 with none
 * @param raised         the alerts this node raised, oldest first (at most {@value TransactionWatch#ALERTS_PER_REPORT})
 * @param heardFromPeers alerts of other nodes that peers brought
 */
public record WatchReport(long analysed, long anomalous, double maxScore, List<TransactionAlert> raised, long heardFromPeers) {

    public static final WatchReport NOTHING = new WatchReport(0, 0, 0, List.of(), 0);

    public WatchReport {
        raised = List.copyOf(raised);
    }
}
