package io.vantaechonebula.pool.stage;

import io.vantaechonebula.pool.api.SampleView;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** A stored sample's optional parts, as the node sent them (docs/ingest.md): {@code blocks}, {@code transaction_analysis}. */
public final class Extensions {

    private Extensions() {
    }

    /** The named part, or null when the sample has none (or its extensions do not read as an object). */
    public static JsonValue of(SampleView sample, String name) {
        if (sample.extensionsJson() == null) {
            return null;
        }
        try (JsonReader reader = Json.PROVIDER.createReader(new StringReader(sample.extensionsJson()))) {
            return reader.readObject().get(name);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
