package io.vantaechonebula.web.nodes;

import io.vantaechonebula.pool.api.NodeView;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * A node as {@code GET /api/v1/nodes} lists it; times are ISO-8601 UTC.
 *
 * @param droppedReported samples the node says its buffer dropped since it started; null until it says
 * @param verified whether its newest payload came signed by the key it registered; an unverified node's
 *                 telemetry could have come from anyone
 */
@JsonbPropertyOrder({"nodeId", "nodeType", "chainId", "verified", "lastSeen", "lastReceived", "firstSeen", "samplesStored",
        "droppedReported"})
public record NodeSummary(String nodeId, String nodeType, String chainId, boolean verified, String lastSeen, String lastReceived,
                          String firstSeen, long samplesStored, Long droppedReported) {

    static NodeSummary of(NodeView node) {
        return new NodeSummary(node.nodeId(), node.nodeType(), node.chainId(), node.verified(),
                Instant.ofEpochMilli(node.lastSampleMs()).toString(),
                Instant.ofEpochMilli(node.lastReceivedMs()).toString(),
                Instant.ofEpochMilli(node.firstSeenMs()).toString(),
                node.samplesStored(), node.droppedReported());
    }
}
