package io.vantaechonebula.pool.learning;

import io.vantaechonebula.pool.processing.Json;
import io.vantaechonebula.pool.processing.ModelRecord;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** A learner's model state kept as a JSON object in its {@link ModelRecord}: readable when an operator looks. */
final class JsonState {

    private JsonState() {
    }

    /** The stored state of this model and version, or null to start afresh. */
    static JsonObject read(ModelRecord record, String model, int version) {
        return record.state(model, version).map(bytes -> {
            try (JsonReader reader = Json.PROVIDER.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
                return reader.readObject();
            }
        }).orElse(null);
    }

    static void write(ModelRecord record, String model, int version, long trained, JsonObject state, long atMs) {
        record.store(model, version, trained, state.toString().getBytes(StandardCharsets.UTF_8), atMs);
    }
}
