package io.vantaechonebula.web.pool;

import io.vantaechonebula.pool.api.DeadLetter;
import io.vantaechonebula.pool.api.PoolOperations;
import io.vantaechonebula.web.QueryLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Shows the payloads the pool could not store, oldest first, with the reason for each. */
@Path("pool/dead-letters")
@RequestScoped
public class DeadLetterResource {

    static final int MAX_LIMIT = 1000;

    @EJB
    private PoolOperations pool;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"viewer", "operator", "admin"})
    @Operation(summary = "Payloads the pool could not store",
            description = "From the NodeDataDLQ queue: message id, reason, time and the start of the body.")
    public List<DeadLetter> list(@QueryParam("limit") @DefaultValue("100") String limit) {
        return pool.deadLetters(QueryLimits.parse("limit", limit, MAX_LIMIT));
    }
}
