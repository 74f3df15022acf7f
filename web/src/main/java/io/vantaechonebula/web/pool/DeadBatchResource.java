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
    public List<DeadBatchView> list(@QueryParam("limit") @DefaultValue("100") String limit) {
        return pool.deadBatches(QueryLimits.parse("limit", limit, MAX_LIMIT));
    }
}
