package io.vantaechonebula.pool.stage;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/** The JSON provider, looked up once (each lookup goes through the server's class loaders), and evidence objects. */
public final class Json {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {
    }

    /** An object of name, value pairs: numbers, strings, booleans, JSON values; a null value is JSON null. */
    public static JsonObject object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        JsonObjectBuilder builder = PROVIDER.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            add(builder, (String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    public static void addIfPresent(JsonObjectBuilder builder, String name, Object value) {
        if (value != null) {
            add(builder, name, value);
        }
    }

    private static void add(JsonObjectBuilder builder, String name, Object value) {
        if (value == null) {
            builder.addNull(name);
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                builder.addNull(name);
            } else {
                builder.add(name, d);
            }
        } else if (value instanceof Float f) {
            builder.add(name, f.doubleValue());
        } else if (value instanceof Long || value instanceof Integer) {
            builder.add(name, ((Number) value).longValue());
        } else if (value instanceof java.math.BigDecimal decimal) {
            builder.add(name, decimal);
        } else if (value instanceof Boolean b) {
            builder.add(name, b);
        } else if (value instanceof JsonValue json) {
            builder.add(name, json);
        } else if (value instanceof JsonObjectBuilder json) {
            builder.add(name, json);
        } else if (value instanceof jakarta.json.JsonArrayBuilder json) {
            builder.add(name, json);
        } else {
            builder.add(name, value.toString());
        }
    }
}
