package io.vantaechonebula.pool.store;

import io.vantaechonebula.telemetry.TelemetryPayload;

/** A validated payload and when the pool received it. */
public record ReceivedPayload(TelemetryPayload payload, long receivedAtMs) {
}
