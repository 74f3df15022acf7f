package io.vantaechonebula.agent.send;

import io.vantaechonebula.telemetry.PayloadKind;
import jakarta.json.JsonObject;

/** A checked payload ready to send: the JSON body, whose node it is, and how many samples it holds. */
record Outgoing(JsonObject body, String nodeId, PayloadKind kind, int samples) {
}
