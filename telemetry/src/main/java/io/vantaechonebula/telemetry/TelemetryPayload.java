package io.vantaechonebula.telemetry;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * A validated payload: its samples, and the payload itself as JSON to pass on to the pool
 * (for a contribution, with the node id it was attributed to written in).
 *
 * @param droppedSamples what the sender says its buffer has dropped since it started, or null
 *                       where it does not say (contributions never do)
 * @param sentAtMillis   when the sender sent it, by its clock: a batch's submission time, a
 *                       contribution's timestamp
 */
public record TelemetryPayload(PayloadKind kind, String nodeId, List<TelemetrySample> samples, JsonObject json,
                               Long droppedSamples, long sentAtMillis) {

    public TelemetryPayload {
        samples = List.copyOf(samples);
    }
}
