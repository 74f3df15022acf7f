package io.vantaechonebula.telemetry;

import java.util.List;
import java.util.stream.Collectors;

/** A payload that breaks the telemetry schema; it lists every field that is wrong. */
public class InvalidTelemetryException extends Exception {

    private final List<FieldError> errors;

    public InvalidTelemetryException(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidTelemetryException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        String all = errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
        return errors.size() == 1 ? all : errors.size() + " problems: " + all;
    }
}
