package io.vantaechonebula.web.pool;

import io.vantaechonebula.pool.api.Actor;
import io.vantaechonebula.pool.api.DeadLetter;
import io.vantaechonebula.pool.api.DeadLetterException;
import io.vantaechonebula.pool.api.PoolOperations;
import io.vantaechonebula.web.QueryLimits;
import io.vantaechonebula.web.problem.ApiProblemException;
import io.vantaechonebula.web.problem.ProblemType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** Shows the payloads the pool could not store, oldest first, with the reason for each. */
@Path("pool/dead-letters")
@RequestScoped
public class DeadLetterResource {

    static final int MAX_LIMIT = 1000;
    static final int MAX_NODE_ID = 128;

    private static final JsonProvider JSON = JsonProvider.provider();

    @EJB
    private PoolOperations pool;

    @Context
    private HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"viewer", "operator", "admin"})
    public List<DeadLetter> list(@QueryParam("limit") @DefaultValue("100") String limit, @QueryParam("node") String node) {
        String nodeId = node == null || node.isBlank() ? null : node.strip();
        if (nodeId != null && nodeId.length() > MAX_NODE_ID) {
            throw new ApiProblemException(ProblemType.INVALID_PARAMETER, "node is a node id of at most " + MAX_NODE_ID + " characters");
        }
        return pool.deadLetters(nodeId, QueryLimits.parse("limit", limit, MAX_LIMIT));
    }

    @POST
    @Path("{id}/requeue")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public JsonObject requeue(@PathParam("id") String id, @Context SecurityContext security) {
        try {
            String reason = pool.requeueDeadLetter(id, actor(security));
            return JSON.createObjectBuilder().add("messageId", id).add("requeued", true)
                    .add("reason", reason == null ? "" : reason).build();
        } catch (DeadLetterException e) {
            throw new ApiProblemException(ProblemType.DEAD_LETTER_NOT_FOUND, e.getMessage());
        }
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public JsonObject discard(@PathParam("id") String id, @Context SecurityContext security) {
        try {
            String reason = pool.discardDeadLetter(id, actor(security));
            return JSON.createObjectBuilder().add("messageId", id).add("discarded", true)
                    .add("reason", reason == null ? "" : reason).build();
        } catch (DeadLetterException e) {
            throw new ApiProblemException(ProblemType.DEAD_LETTER_NOT_FOUND, e.getMessage());
        }
    }

    private Actor actor(SecurityContext security) {
        return new Actor(security.getUserPrincipal().getName(), request.getRemoteAddr());
    }
}
