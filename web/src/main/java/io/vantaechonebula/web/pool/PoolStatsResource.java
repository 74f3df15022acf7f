package io.vantaechonebula.web.pool;

import io.vantaechonebula.pool.api.NodeDrops;
import io.vantaechonebula.pool.api.PipelineSnapshot;
import io.vantaechonebula.pool.api.PoolOperations;
import io.vantaechonebula.pool.api.PoolStats;
import io.vantaechonebula.pool.api.ProcessorSnapshot;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.OptionalLong;

/** How the pool is doing: its queues, what goes in and out, each processor, and what nodes lost. */
@Path("pool/stats")
@RequestScoped
public class PoolStatsResource {

    private static final JsonProvider JSON = JsonProvider.provider();

    @EJB
    private PoolOperations pool;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject stats() {
        PoolStats stats = pool.stats();
        PipelineSnapshot snapshot = stats.pipeline();
        long lag = snapshot.processors().stream().mapToLong(ProcessorSnapshot::lagMillis).max().orElse(0);
        JsonArrayBuilder processors = JSON.createArrayBuilder();
        snapshot.processors().forEach(processor -> processors.add(processor(processor)));
        JsonArrayBuilder watches = JSON.createArrayBuilder();
        snapshot.watches().forEach(watch -> watches.add(processor(watch)));
        JsonArrayBuilder learners = JSON.createArrayBuilder();
        snapshot.learners().forEach(learner -> learners.add(processor(learner)));
        JsonArrayBuilder dropping = JSON.createArrayBuilder();
        long dropped = 0;
        for (NodeDrops node : stats.dropping()) {
            dropped += node.dropped();
            dropping.add(JSON.createObjectBuilder().add("nodeId", node.nodeId()).add("dropped", node.dropped()));
        }
        return JSON.createObjectBuilder()
                .add("queues", JSON.createObjectBuilder()
                        .add(stats.nodeData().queue(), queue(stats.nodeData().depth()).add("limit", stats.nodeDataLimit()))
                        .add(stats.training().queue(), queue(stats.training().depth()))
                        .add(stats.deadLetters().queue(), queue(stats.deadLetters().depth())))
                .add("samplesStoredPerSecond", snapshot.samplesStoredPerSecond())
                .add("sentToStoredMillis", JSON.createObjectBuilder()
                        .add("p50", snapshot.sentToStoredP50Millis()).add("p99", snapshot.sentToStoredP99Millis()))
                .add("processingLagMillis", lag)
                .add("processors", processors)
                .add("watches", watches)
                .add("training", JSON.createObjectBuilder()
                        .add("recordsTaken", snapshot.trainingRecordsTaken())
                        .add("recordsPerSecond", snapshot.trainingRecordsPerSecond())
                        .add("learners", learners))
                .add("deadLetters", stats.deadLetters().depth().orElse(0))
                .add("nodes", stats.nodes())
                .add("droppedReportedByNodes", JSON.createObjectBuilder().add("total", dropped).add("nodes", dropping))
                .build();
    }

    private static JsonObjectBuilder queue(OptionalLong depth) {
        JsonObjectBuilder queue = JSON.createObjectBuilder();
        if (depth.isPresent()) {
            queue.add("depth", depth.getAsLong());
        } else {
            // The broker creates a queue on first use; before that nothing is on it.
            queue.add("depth", 0).add("created", false);
        }
        return queue;
    }

    /** One processor's or watch's figures, as pool stats and the agents show them. */
    public static JsonObjectBuilder processor(ProcessorSnapshot processor) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("name", processor.name())
                .add("batchesProcessed", processor.batchesProcessed())
                .add("samplesProcessed", processor.samplesProcessed())
                .add("samplesPerSecond", processor.samplesPerSecond())
                .add("failures", processor.failures())
                .add("failuresInARow", processor.failuresInARow())
                .add("meanRunMillis", processor.meanRunMillis())
                .add("lastRunMillis", processor.lastRunMillis())
                .add("maxRunMillis", processor.maxRunMillis())
                .add("pendingBatches", processor.pendingBatches())
                .add("deadBatches", processor.deadBatches())
                .add("lagMillis", processor.lagMillis())
                .add("sentToProcessedMillis", JSON.createObjectBuilder()
                        .add("p50", processor.sentToProcessedP50Millis()).add("p99", processor.sentToProcessedP99Millis()));
        if (processor.lastError() != null) {
            json.add("lastError", processor.lastError())
                    .add("lastFailureAt", Instant.ofEpochMilli(processor.lastFailureAtMs()).toString());
        }
        if (processor.lastSuccessAtMs() > 0) {
            json.add("lastSuccessAt", Instant.ofEpochMilli(processor.lastSuccessAtMs()).toString());
        }
        return json;
    }
}
