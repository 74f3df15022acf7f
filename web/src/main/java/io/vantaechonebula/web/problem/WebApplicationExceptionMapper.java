package io.vantaechonebula.web.problem;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The JAX-RS runtime's own errors (unknown path, wrong method, wrong content type, unaccepted answer type) as problems. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e instanceof NotFoundException) {
            return Problem.of(ProblemType.NOT_FOUND, "There is no resource at this path; the API is described at /openapi");
        }
        if (e instanceof NotAllowedException) {
            Response.ResponseBuilder response = Problem.builder(ProblemType.METHOD_NOT_ALLOWED,
                    "This path does not take that method; allowed: " + e.getResponse().getAllowedMethods(), java.util.List.of());
            e.getResponse().getAllowedMethods().forEach(method -> response.header("Allow", method));
            return response.build();
        }
        if (e instanceof NotAcceptableException) {
            return Problem.of(ProblemType.NOT_ACCEPTABLE, "This answers application/json (and its problems application/problem+json);"
                    + " send Accept: application/json, or no Accept header");
        }
        if (e instanceof NotSupportedException) {
            return Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
        }
        return e.getResponse();
    }
}
