package io.vantaechonebula.telemetry;

/** One thing wrong with a payload: the JSON path of the field and what is wrong with it. */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
