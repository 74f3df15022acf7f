package io.vantaechonebula.web.nodes;

import io.vantaechonebula.pool.store.TelemetryQueries;
import io.vantaechonebula.web.QueryLimits;
import io.vantaechonebula.web.problem.ApiProblemException;
import io.vantaechonebula.web.problem.ProblemType;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The nodes the pool has stored samples from. */
@Path("nodes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NodesResource {

    /** Looked up once: Json.createX looks the provider up again on every call, through the server's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final int MAX_SAMPLES = 1000;

    @EJB
    private TelemetryQueries queries;

    @GET
    @Operation(summary = "Nodes seen by the pool", description = "Id, type, chain, last seen and samples stored.")
    public List<NodeSummary> nodes() {
        return queries.nodes().stream().map(NodeSummary::of).toList();
    }

    @GET
    @Path("{nodeId}")
    @Operation(summary = "One node seen by the pool")
    @APIResponse(responseCode = "404", description = "The pool has no sample of this node")
    public NodeSummary node(@PathParam("nodeId") String nodeId) {
        return queries.node(nodeId).map(NodeSummary::of).orElseThrow(() -> unknown(nodeId));
    }

    @GET
    @Path("{nodeId}/samples")
    @Operation(summary = "A node's stored samples, newest first")
    @APIResponse(responseCode = "404", description = "The pool has no sample of this node")
    public JsonArray samples(@PathParam("nodeId") String nodeId,
                             @QueryParam("limit") @DefaultValue("100") String limit) {
        int max = QueryLimits.parse("limit", limit, MAX_SAMPLES);
        JsonArrayBuilder array = JSON.createArrayBuilder();
        queries.newestSamples(nodeId, max).orElseThrow(() -> unknown(nodeId))
                .forEach(sample -> array.add(SampleJson.of(sample)));
        return array.build();
    }

    private static ApiProblemException unknown(String nodeId) {
        return new ApiProblemException(ProblemType.NODE_NOT_FOUND, "The pool has stored no sample of node '" + nodeId
                + "'; GET /api/v1/nodes lists the nodes it knows");
    }
}
