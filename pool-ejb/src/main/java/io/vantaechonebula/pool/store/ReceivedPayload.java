package io.vantaechonebula.pool.store;

import io.vantaechonebula.pool.api.SenderVerdict;
import io.vantaechonebula.telemetry.TelemetryPayload;
import java.util.List;

/**
 * A validated payload, when the pool received it, and the pipeline's stages as they are now.
 *
 * @param stages the stages that each take the payload's batch once; one pending batch is written for each
 * @param sender who the pool takes the payload to be from
 */
public record ReceivedPayload(TelemetryPayload payload, long receivedAtMs, List<String> stages, SenderVerdict sender) {

    public boolean verified() {
        return sender == SenderVerdict.VERIFIED;
    }

    public ReceivedPayload {
        stages = List.copyOf(stages);
    }
}
