package io.vantaechonebula.web.problem;

import io.vantaechonebula.telemetry.InvalidTelemetryException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A payload that breaks the telemetry schema: 400, listing every field that is wrong. */
@Provider
public class InvalidTelemetryMapper implements ExceptionMapper<InvalidTelemetryException> {

    @Override
    public Response toResponse(InvalidTelemetryException e) {
        return Problem.of(ProblemType.INVALID_TELEMETRY,
                "Nothing was accepted. Fix these and send the payload again: " + e.getMessage(), e.errors());
    }
}
