package io.vantaechonebula.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers an {@link ApiProblemException} as its problem type. */
@Provider
public class ApiProblemMapper implements ExceptionMapper<ApiProblemException> {

    @Override
    public Response toResponse(ApiProblemException e) {
        return Problem.of(e.type(), e.getMessage());
    }
}
