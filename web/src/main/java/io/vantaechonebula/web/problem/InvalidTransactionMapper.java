package io.vantaechonebula.web.problem;

import io.vantaechonebula.chain.tx.InvalidTransactionException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/** A refused transaction: 400 with its stable reason code (docs/chain-spec.md §2.2). */
@Provider
public class InvalidTransactionMapper implements ExceptionMapper<InvalidTransactionException> {

    @Override
    public Response toResponse(InvalidTransactionException e) {
        return Problem.builder(ProblemType.TRANSACTION_REJECTED, e.getMessage(), List.of(),
                Map.of("reason", e.reason().code())).build();
    }
}
