package io.vantaechonebula.web.problem;

import io.vantaechonebula.node.api.UnknownChainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A chain name this node does not run: 404. */
@Provider
public class UnknownChainMapper implements ExceptionMapper<UnknownChainException> {

    @Override
    public Response toResponse(UnknownChainException e) {
        return Problem.of(ProblemType.CHAIN_NOT_FOUND, e.getMessage());
    }
}
