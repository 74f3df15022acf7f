package io.vantaechonebula.web.pool;

import io.vantaechonebula.pool.api.DeadBatchView;
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

/** Shows the batches a stage set aside as dead, newest first, with the error each failed with. */
@Path("pool/dead-batches")
@RequestScoped
public class DeadBatchResource {

    static final int MAX_LIMIT = 1000;

    @EJB
    private PoolOperations pool;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"viewer", "operator", "admin"})
    @Operation(summary = "Batches a stage set aside as dead",
            description = "A batch one stage failed on three times alone while the batch after it went through:"
                    + " the stage, the batch, its node and samples, the error. The other stages processed it as usual.")
    public List<DeadBatchView> list(@QueryParam("limit") @DefaultValue("100") String limit) {
        return pool.deadBatches(QueryLimits.parse("limit", limit, MAX_LIMIT));
    }
}
