package io.vantaechonebula.agent.send;

import io.vantaechonebula.telemetry.FieldError;
import io.vantaechonebula.telemetry.InvalidTelemetryException;
import io.vantaechonebula.telemetry.TelemetryParser;
import io.vantaechonebula.telemetry.TelemetryPayload;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the payloads to send: one payload object, or an array of them. Every payload is checked
 * with the pool's own schema before anything is sent, so a bad file sends nothing.
 */
final class PayloadFile {

    private PayloadFile() {
    }

    /** Stands in for the id the pool derives from the sender, only while checking an HTTP payload. */
    private static final String CHECK_ONLY_SENDER = "checked-by-agent";

    /**
     * @param nodeId        id for contributions that name none, or null
     * @param poolAttributes true when the pool will attribute contributions without node_id (HTTP);
     *                      they are then sent as they are
     * @throws InvalidTelemetryException naming the payload (by index) and the field that is wrong
     */
    static List<Outgoing> parse(String text, String nodeId, boolean poolAttributes, TelemetryParser parser)
            throws InvalidTelemetryException {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new InvalidTelemetryException("$", "is not valid JSON: " + e.getMessage());
        }
        List<Outgoing> payloads = new ArrayList<>();
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            List<JsonValue> items = value.asJsonArray();
            if (items.isEmpty()) {
                throw new InvalidTelemetryException("$", "is an empty array; it holds no payload to send");
            }
            for (int i = 0; i < items.size(); i++) {
                payloads.add(parseOne(items.get(i), "payload " + i + ": ", nodeId, poolAttributes, parser));
            }
        } else {
            payloads.add(parseOne(value, "", nodeId, poolAttributes, parser));
        }
        return payloads;
    }

    private static Outgoing parseOne(JsonValue value, String label, String nodeId, boolean poolAttributes,
                                     TelemetryParser parser) throws InvalidTelemetryException {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidTelemetryException("$", label + "must be a payload object");
        }
        try {
            boolean leaveToPool = nodeId == null && poolAttributes;
            TelemetryPayload payload = parser.parse(value.asJsonObject(), leaveToPool ? CHECK_ONLY_SENDER : nodeId);
            if (leaveToPool && CHECK_ONLY_SENDER.equals(payload.nodeId())) {
                return new Outgoing(value.asJsonObject(), "(derived by the pool)", payload.kind(), payload.samples().size());
            }
            return new Outgoing(payload.json(), payload.nodeId(), payload.kind(), payload.samples().size());
        } catch (InvalidTelemetryException e) {
            if (label.isEmpty()) {
                throw e;
            }
            throw new InvalidTelemetryException(e.errors().stream()
                    .map(error -> new FieldError(label + error.field(), error.message()))
                    .toList());
        }
    }
}
