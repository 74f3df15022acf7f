package io.vantaechonebula.web.nodes;

import io.vantaechonebula.web.QueryLimits;
import io.vantaechonebula.web.problem.ApiProblemException;
import io.vantaechonebula.web.problem.ProblemType;
import io.vantaechonebula.pool.api.AggregateView;
import io.vantaechonebula.pool.api.NodeTelemetryOperations;
import io.vantaechonebula.pool.api.Resolution;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** The nodes the pool has stored samples from. */
@Path("nodes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NodesResource {

    /** Looked up once: Json.createX looks the provider up again on every call, through the server's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final int MAX_SAMPLES = 1000;
    static final int MAX_NODES = 1000;

    @EJB
    private NodeTelemetryOperations queries;

    @GET
    public Response nodes(@QueryParam("offset") @DefaultValue("0") String offset,
                          @QueryParam("limit") @DefaultValue("100") String limit) {
        List<NodeSummary> page = queries.nodes(QueryLimits.parse("offset", offset, 0, Integer.MAX_VALUE),
                QueryLimits.parse("limit", limit, MAX_NODES)).stream().map(NodeSummary::of).toList();
        return Response.ok(page).header("X-Total-Count", queries.nodeCount()).build();
    }

    @GET
    @Path("{nodeId}")
    public NodeSummary node(@PathParam("nodeId") String nodeId) {
        return queries.node(nodeId).map(NodeSummary::of).orElseThrow(() -> unknown(nodeId));
    }

    @GET
    @Path("{nodeId}/health")
    public JsonObject health(@PathParam("nodeId") String nodeId) {
        return queries.health(nodeId).map(HealthJson::of).orElseThrow(() -> unknown(nodeId));
    }

    @GET
    @Path("{nodeId}/samples")
    public JsonArray samples(@PathParam("nodeId") String nodeId,
                             @QueryParam("limit") @DefaultValue("100") String limit) {
        int max = QueryLimits.parse("limit", limit, MAX_SAMPLES);
        JsonArrayBuilder array = JSON.createArrayBuilder();
        queries.newestSamples(nodeId, max).orElseThrow(() -> unknown(nodeId))
                .forEach(sample -> array.add(SampleJson.of(sample)));
        return array.build();
    }

    @GET
    @Path("{nodeId}/metrics")
    public JsonObject metrics(@PathParam("nodeId") String nodeId, @QueryParam("resolution") String resolution,
                              @QueryParam("from") String from, @QueryParam("to") String to) {
        MetricsRange range = MetricsRange.parse(resolution, from, to, System.currentTimeMillis());
        JsonArrayBuilder points = JSON.createArrayBuilder();
        if (range.resolution().isEmpty()) {
            queries.samplesBetween(nodeId, range.fromMs(), range.toMs(), MAX_SAMPLES).orElseThrow(() -> unknown(nodeId))
                    .forEach(sample -> points.add(SampleJson.of(sample)));
        } else {
            addBuckets(points, queries.aggregates(nodeId, range.resolution().get(), range.fromMs(), range.toMs())
                    .orElseThrow(() -> unknown(nodeId)));
        }
        return JSON.createObjectBuilder()
                .add("nodeId", nodeId)
                .add("resolution", range.resolution().map(Resolution::id).orElse("raw"))
                .add("from", Instant.ofEpochMilli(range.fromMs()).toString())
                .add("to", Instant.ofEpochMilli(range.toMs()).toString())
                .add("points", points)
                .build();
    }

    /** Rows come ordered by bucket, chain and metric: one point per bucket and chain. */
    private static void addBuckets(JsonArrayBuilder points, List<AggregateView> rows) {
        int i = 0;
        while (i < rows.size()) {
            AggregateView first = rows.get(i);
            JsonObjectBuilder metrics = JSON.createObjectBuilder();
            while (i < rows.size() && rows.get(i).bucketStartMs() == first.bucketStartMs()
                    && rows.get(i).chainId().equals(first.chainId())) {
                AggregateView row = rows.get(i++);
                metrics.add(row.metric(), JSON.createObjectBuilder()
                        .add("count", row.count()).add("mean", row.mean()).add("min", row.min())
                        .add("max", row.max()).add("last", row.last()));
            }
            points.add(JSON.createObjectBuilder()
                    .add("chainId", first.chainId())
                    .add("start", Instant.ofEpochMilli(first.bucketStartMs()).toString())
                    .add("metrics", metrics));
        }
    }

    private static ApiProblemException unknown(String nodeId) {
        return new ApiProblemException(ProblemType.NODE_NOT_FOUND, "The pool has stored no sample of node '" + nodeId
                + "'; GET /api/v1/nodes lists the nodes it knows");
    }
}
