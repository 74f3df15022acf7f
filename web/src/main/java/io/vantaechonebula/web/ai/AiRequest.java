package io.vantaechonebula.web.ai;

import io.vantaechonebula.telemetry.FieldError;
import io.vantaechonebula.telemetry.InvalidTelemetryException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code {"type":"ai_processing","data":…,"node_id":…,"timestamp":…}}, read and checked: what the
 * data is by its shape, every problem named by its field.
 *
 * @param timestamp epoch seconds: when the data is from, which times transactions that carry no time of their own
 */
record AiRequest(String nodeId, BigDecimal timestamp, Kind kind, JsonValue data) {

    static final String TYPE = "ai_processing";
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final String SHAPES = "a block (as GET /api/v1/chains/{chain}/blocks/{id} gives it, with \"height\","
            + " \"miner\" and \"transactions\"), a transaction set ({\"transactions\": [...]} or an array of transactions)"
            + " or a sample batch (as POST /api/v1/pool/ingest takes it, with \"data_batch\")";

    enum Kind {
        BLOCK("block"), TRANSACTIONS("transactions"), SAMPLES("samples");

        final String id;

        Kind(String id) {
            this.id = id;
        }
    }

    static AiRequest of(JsonObject body) throws InvalidTelemetryException {
        List<FieldError> errors = new ArrayList<>();
        JsonValue type = body.get("type");
        if (!(type instanceof JsonString s) || !TYPE.equals(s.getString())) {
            errors.add(new FieldError("type", type == null ? "is missing; say \"type\": \"" + TYPE + "\""
                    : "must be \"" + TYPE + "\", got " + type));
        }
        String nodeId = body.get("node_id") instanceof JsonString s && NODE_ID.matcher(s.getString()).matches() ? s.getString() : null;
        if (nodeId == null) {
            errors.add(new FieldError("node_id", body.containsKey("node_id")
                    ? "must be 1 to 128 letters, digits or . _ : - starting with a letter or digit"
                    : "is missing; name the node the data is from"));
        }
        BigDecimal timestamp = body.get("timestamp") instanceof JsonNumber n && n.bigDecimalValue().signum() > 0
                && n.bigDecimalValue().compareTo(BigDecimal.valueOf(100_000_000_000L)) < 0 ? n.bigDecimalValue() : null;
        if (timestamp == null) {
            errors.add(new FieldError("timestamp", body.containsKey("timestamp")
                    ? "must be epoch seconds (a positive number; milliseconds are too large)" : "is missing"));
        }
        JsonValue data = body.get("data");
        Kind kind = data == null ? null : kindOf(data);
        if (kind == null) {
            errors.add(new FieldError("data", (data == null ? "is missing; " : "is not one of the shapes taken; ")
                    + "send " + SHAPES));
        }
        if (!errors.isEmpty()) {
            throw new InvalidTelemetryException(errors);
        }
        return new AiRequest(nodeId, timestamp, kind, data);
    }

    long timestampMillis() {
        return timestamp.movePointRight(3).longValue();
    }

    /** The transactions of a block or a set, as JSON: an array, or the object's "transactions". */
    JsonArray transactions() {
        return data instanceof JsonArray array ? array : data.asJsonObject().getJsonArray("transactions");
    }

    private static Kind kindOf(JsonValue data) {
        if (data instanceof JsonArray) {
            return Kind.TRANSACTIONS;
        }
        if (!(data instanceof JsonObject object)) {
            return null;
        }
        if (object.containsKey("data_batch")) {
            return Kind.SAMPLES;
        }
        if (!(object.get("transactions") instanceof JsonArray)) {
            return null;
        }
        return object.containsKey("height") || object.containsKey("miner") ? Kind.BLOCK : Kind.TRANSACTIONS;
    }
}
