package io.vantaechonebula.it;

import static io.vantaechonebula.it.Telemetry.batch;
import static io.vantaechonebula.it.Telemetry.newNodeId;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class PoolPipelineIT {

    private static final List<String> PROCESSORS = List.of("block-data-processor", "transaction-analyzer",
            "pattern-recognizer", "network-monitor", "resonant");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return VantaEar.asBuilt();
    }

    @Test
    void theServersOwnCollectorSendsSamplesOfBothChains() {
        String ownNode = Api.get("/api/v1/system/status").object().getString("nodeId");

        JsonObject node = Api.nodeWithSamples(ownNode, 2).orElseThrow(() ->
                new AssertionError("the server's own node " + ownNode + " sent no samples"));

        assertThat(node.getString("nodeType")).isEqualTo("full");
        // Raw samples may have just been pruned (rawSamplesArePrunedOnlyOnceRolledUp); the collector sends more.
        List<JsonObject> samples = Api.eventually(() -> Api.get("/api/v1/nodes/" + ownNode + "/samples?limit=20").array()
                .getValuesAs(JsonObject.class), recent -> chains(recent).containsAll(List.of("testnet", "mainnet")));
        assertThat(samples).extracting(s -> s.getString("chain_id")).contains("testnet", "mainnet");
        JsonObject performance = samples.get(0).getJsonObject("performance_metrics");
        assertThat(performance.getJsonNumber("cpu_usage").doubleValue()).isBetween(0.0, 1.0);
        assertThat(performance.getJsonNumber("uptime").doubleValue()).isPositive();
    }

    @Test
    void everyProcessorProcessesAStoredBatchAndItsResultsReachTraining() {
        JsonObject before = stats();
        String node = newNodeId("pipeline");
        assertThat(Api.post("/api/v1/pool/ingest", batch(node, 1, 5).toString()).status()).isEqualTo(202);
        Api.nodeWithSamples(node, 5).orElseThrow();

        JsonObject after = Api.eventually(PoolPipelineIT::stats, stats -> PROCESSORS.stream()
                .allMatch(p -> processed(stats, p) >= processed(before, p) + 5 && pending(stats, p) == 0));
        PROCESSORS.forEach(p -> assertThat(processed(after, p)).as(p).isGreaterThanOrEqualTo(processed(before, p) + 5));
        JsonObject training = Api.eventually(PoolPipelineIT::stats, stats -> stats.getJsonObject("training")
                .getJsonNumber("recordsTaken").longValue() >= 4).getJsonObject("training");
        assertThat(training.getJsonNumber("recordsTaken").longValue()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aFailingProcessorFailsAloneAndCatchesUpWhenItWorksAgain() throws Exception {
        ServerControl.setProperties("vanta.pool.drill.failing-processor=pattern-recognizer");
        try {
            JsonObject before = stats();
            String node = newNodeId("isolated");
            assertThat(Api.post("/api/v1/pool/ingest", batch(node, 1, 4).toString()).status()).isEqualTo(202);

            JsonObject during = Api.eventually(PoolPipelineIT::stats, stats ->
                    failures(stats, "pattern-recognizer") > failures(before, "pattern-recognizer")
                            && List.of("block-data-processor", "network-monitor", "resonant").stream()
                            .allMatch(p -> processed(stats, p) >= processed(before, p) + 4));
            assertThat(failures(during, "pattern-recognizer")).isGreaterThan(failures(before, "pattern-recognizer"));
            assertThat(pending(during, "pattern-recognizer")).as("the batch waits for the failing processor").isPositive();
            assertThat(processor(during, "pattern-recognizer").getString("lastError")).contains("failure drill");
            for (String other : List.of("block-data-processor", "network-monitor", "resonant")) {
                assertThat(processed(during, other)).as(other).isGreaterThanOrEqualTo(processed(before, other) + 4);
                assertThat(failures(during, other)).as(other).isEqualTo(failures(before, other));
            }
        } finally {
            ServerControl.removeProperty("vanta.pool.drill.failing-processor");
        }
        // The backlog empties when the run commits; the run's figures are counted just after: wait for both.
        JsonObject recovered = Api.eventually(PoolPipelineIT::stats, stats -> pending(stats, "pattern-recognizer") == 0
                && processor(stats, "pattern-recognizer").getInt("failuresInARow") == 0);
        assertThat(pending(recovered, "pattern-recognizer")).isZero();
        assertThat(processor(recovered, "pattern-recognizer").getInt("failuresInARow")).isZero();
    }

    @Test
    void aBatchOneStageCannotTakeIsSetAsideAsDeadAndTheStageGoesOn() throws Exception {
        String poison = newNodeId("poison");
        String healthy = newNodeId("healthy");
        ServerControl.setProperties("vanta.pool.drill.failing-node=" + poison);
        ServerControl.setProperties("vanta.pool.drill.failing-processor=pattern-recognizer");
        JsonObject after;
        try {
            assertThat(Api.post("/api/v1/pool/ingest", batch(poison, 1, 3).toString()).status()).isEqualTo(202);
            Api.nodeWithSamples(poison, 3).orElseThrow();
            assertThat(Api.post("/api/v1/pool/ingest", batch(healthy, 1, 2).toString()).status()).isEqualTo(202);
            Api.nodeWithSamples(healthy, 2).orElseThrow();
            after = Api.eventually(PoolPipelineIT::stats, stats -> pending(stats, "pattern-recognizer") == 0
                    && processor(stats, "pattern-recognizer").getInt("deadBatches") > 0);
        } finally {
            ServerControl.removeProperty("vanta.pool.drill.failing-processor");
            ServerControl.removeProperty("vanta.pool.drill.failing-node");
        }
        assertThat(pending(after, "pattern-recognizer")).as("the stage went on past the batch it cannot take").isZero();
        Api.Answer anonymous = Api.get("/api/v1/pool/dead-batches");
        assertThat(anonymous.status()).as("what senders sent needs a role").isEqualTo(401);
        Api.Answer dead = TestOperators.getAsViewer("/api/v1/pool/dead-batches?limit=1000");
        assertThat(dead.status()).isEqualTo(200);
        List<JsonObject> ofPoison = dead.array().getValuesAs(JsonObject.class).stream()
                .filter(batch -> batch.getString("nodeId").equals(poison)).toList();
        assertThat(ofPoison).hasSize(1);
        assertThat(ofPoison.get(0).getString("stage")).isEqualTo("pattern-recognizer");
        assertThat(ofPoison.get(0).getInt("samples")).isEqualTo(3);
        assertThat(ofPoison.get(0).getString("error")).contains("fails the batches of node " + poison);
        assertThat(dead.array().getValuesAs(JsonObject.class)).noneMatch(batch -> batch.getString("nodeId").equals(healthy));
        for (String other : List.of("block-data-processor", "network-monitor", "resonant")) {
            assertThat(processor(after, other).getInt("deadBatches")).as(other).isZero();
        }
    }

    @Test
    void aNodeSilentPastTheNodeRetentionIsRetiredWithItsStatisticsAndComesBackAfresh() throws Exception {
        String node = newNodeId("retired");
        assertThat(Api.post("/api/v1/pool/ingest", batch(node, 1, 3).toString()).status()).isEqualTo(202);
        Api.nodeWithSamples(node, 3).orElseThrow();
        Api.eventually(() -> minutes(node), answer -> cpuSamples(answer) == 3);
        Api.sleep(1500);
        ServerControl.setProperties("vanta.pool.node-retention-hours=0");
        try {
            // Retirement runs with the raw retention, once a minute.
            Api.Answer gone = Api.eventually(() -> Api.get("/api/v1/nodes/" + node), answer -> answer.status() == 404,
                    Duration.ofMinutes(3));
            assertThat(gone.status()).isEqualTo(404);
        } finally {
            ServerControl.removeProperty("vanta.pool.node-retention-hours");
        }
        assertThat(Api.get("/api/v1/nodes/" + node + "/metrics?resolution=minute").status()).as("its aggregates went with it")
                .isEqualTo(404);
        assertThat(Api.post("/api/v1/pool/ingest", batch(node, 4, 2).toString()).status()).isEqualTo(202);
        assertThat(Api.nodeWithSamples(node, 2).orElseThrow().getJsonNumber("samplesStored").longValue())
                .as("a node that comes back starts afresh").isEqualTo(2);
    }

    @Test
    void aFullQueueAnswers429WithRetryAfterAndKeepsWhatItAccepted() throws Exception {
        String node = newNodeId("full");
        List<Integer> statuses = new ArrayList<>();
        Api.Answer refused = null;
        ServerControl.setProperties("vanta.pool.queue-limit=3");
        try {
            Api.eventually(PoolPipelineIT::stats, stats -> queueLimit(stats) == 3);
            ServerControl.pauseConsumers("NodeData", true);
            try {
                for (int i = 0; i < 10 && refused == null; i++) {
                    Api.Answer answer = Api.post("/api/v1/pool/ingest", batch(node, 1 + 2L * i, 2).toString());
                    statuses.add(answer.status());
                    if (answer.status() == 429) {
                        refused = answer;
                    }
                }
                assertThat(stats().getJsonObject("queues").getJsonObject("NodeData").getInt("depth")).isGreaterThanOrEqualTo(3);
            } finally {
                ServerControl.pauseConsumers("NodeData", false);
            }
        } finally {
            ServerControl.removeProperty("vanta.pool.queue-limit");
        }
        assertThat(refused).as("statuses " + statuses).isNotNull();
        assertThat(refused.header("Retry-After")).hasValueSatisfying(value -> assertThat(Integer.parseInt(value)).isPositive());
        assertThat(refused.object().getString("type")).isEqualTo("urn:vantaechonebula:problem:pool-full");
        assertThat(statuses.subList(0, statuses.size() - 1)).containsOnly(202);
        long accepted = 2L * (statuses.size() - 1);
        assertThat(Api.nodeWithSamples(node, accepted).orElseThrow().getJsonNumber("samplesStored").longValue())
                .isEqualTo(accepted);
        Api.eventually(PoolPipelineIT::stats, stats -> queueLimit(stats) == 10_000);
    }

    @Test
    void aMessageDeliveredAgainAfterARollbackIsStoredOnce() throws Exception {
        String node = newNodeId("redelivered");
        double rolledBackBefore = Metrics.value("vanta_pool_messages_rolled_back_total");
        ServerControl.setProperties("vanta.pool.drill.failing-intake-node=" + node);
        try {
            try (Broker broker = new Broker()) {
                broker.sendText(batch(node, 1, 3).toString());
            }
            double rolledBack = Api.eventually(() -> Metrics.value("vanta_pool_messages_rolled_back_total"),
                    value -> value >= rolledBackBefore + 2);
            assertThat(rolledBack).as("delivered, rolled back, delivered again").isGreaterThanOrEqualTo(rolledBackBefore + 2);
        } finally {
            ServerControl.removeProperty("vanta.pool.drill.failing-intake-node");
        }
        JsonObject stored = Api.nodeWithSamples(node, 3).orElseThrow();
        assertThat(stored.getJsonNumber("samplesStored").longValue()).isEqualTo(3);
    }

    @Test
    void aNodesSamplesAreRolledUpIntoMinutesAndHours() {
        String node = newNodeId("rollup");
        assertThat(Api.post("/api/v1/pool/ingest", batch(node, 1, 6).toString()).status()).isEqualTo(202);
        Api.nodeWithSamples(node, 6).orElseThrow();
        for (String resolution : List.of("minute", "hour")) {
            JsonObject rolled = Api.eventually(() -> metrics(node, resolution), answer -> cpuSamples(answer) == 6);
            assertThat(cpuSamples(rolled)).as(resolution).isEqualTo(6);
            rolled.getJsonArray("points").getValuesAs(JsonObject.class).forEach(point -> {
                JsonObject cpu = point.getJsonObject("metrics").getJsonObject("cpu_usage");
                assertThat(cpu.getJsonNumber("mean").doubleValue()).isEqualTo(0.25);
                assertThat(point.getString("chainId")).isEqualTo("testnet");
            });
        }
        assertThat(raw(node).getJsonArray("points")).hasSize(6);
        Api.Answer bad = Api.get("/api/v1/nodes/" + node + "/metrics?resolution=second");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.object().getString("detail")).contains("raw, minute or hour");
    }

    @Test
    void rawSamplesArePrunedOnlyOnceRolledUp() throws Exception {
        String rolledUp = newNodeId("pruned");
        assertThat(Api.post("/api/v1/pool/ingest", batch(rolledUp, 1, 4).toString()).status()).isEqualTo(202);
        // Until the node's first samples are stored its metrics are a 404 problem, not an empty series.
        Api.nodeWithSamples(rolledUp, 4).orElseThrow();
        Api.eventually(() -> minutes(rolledUp), answer -> cpuSamples(answer) == 4);
        String waiting = newNodeId("unrolled");
        ServerControl.setProperties("vanta.pool.drill.failing-processor=memory-consolidator");
        try {
            assertThat(Api.post("/api/v1/pool/ingest", batch(waiting, 1, 4).toString()).status()).isEqualTo(202);
            Api.nodeWithSamples(waiting, 4).orElseThrow();
            Api.eventually(PoolPipelineIT::stats, stats -> failures(stats, "memory-consolidator") > 0 && pending(stats, "memory-consolidator") > 0);
            ServerControl.setProperties("vanta.pool.raw-storage-limit=1");
            try {
                // Pruning runs once a minute.
                JsonObject pruned = Api.eventually(() -> raw(rolledUp), answer -> answer.getJsonArray("points").isEmpty(),
                        Duration.ofMinutes(3));
                assertThat(pruned.getJsonArray("points")).as("raw samples already rolled up, past the storage limit").isEmpty();
                assertThat(raw(waiting).getJsonArray("points")).as("raw samples not yet rolled up").hasSize(4);
                assertThat(cpuSamples(minutes(rolledUp))).as("the aggregates outlive the raw samples").isEqualTo(4);
            } finally {
                ServerControl.removeProperty("vanta.pool.raw-storage-limit");
            }
        } finally {
            ServerControl.removeProperty("vanta.pool.drill.failing-processor");
        }
        assertThat(cpuSamples(Api.eventually(() -> minutes(waiting), answer -> cpuSamples(answer) == 4))).isEqualTo(4);
    }

    private static List<String> chains(List<JsonObject> samples) {
        return samples.stream().map(sample -> sample.getString("chain_id")).toList();
    }

    private static JsonObject minutes(String node) {
        return metrics(node, "minute");
    }

    private static JsonObject raw(String node) {
        return metrics(node, "raw");
    }

    private static JsonObject metrics(String node, String resolution) {
        long now = Telemetry.now();
        Api.Answer answer = Api.get("/api/v1/nodes/" + node + "/metrics?resolution=" + resolution + "&from=" + (now - 7200) + "&to=" + (now + 1));
        assertThat(answer.status()).as("%s metrics of %s: %s", resolution, node, answer.body()).isEqualTo(200);
        return answer.object();
    }

    private static long cpuSamples(JsonObject metrics) {
        return metrics.getJsonArray("points").getValuesAs(JsonObject.class).stream()
                .mapToLong(point -> point.getJsonObject("metrics").getJsonObject("cpu_usage").getJsonNumber("count").longValue())
                .sum();
    }

    private static JsonObject stats() {
        Api.Answer answer = Api.get("/api/v1/pool/stats");
        assertThat(answer.status()).isEqualTo(200);
        return answer.object();
    }

    private static JsonObject processor(JsonObject stats, String name) {
        return stats.getJsonArray("processors").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("name").equals(name)).findFirst().orElseThrow();
    }

    private static long processed(JsonObject stats, String name) {
        return processor(stats, name).getJsonNumber("samplesProcessed").longValue();
    }

    private static long failures(JsonObject stats, String name) {
        return processor(stats, name).getJsonNumber("failures").longValue();
    }

    private static long pending(JsonObject stats, String name) {
        return processor(stats, name).getJsonNumber("pendingBatches").longValue();
    }

    private static long queueLimit(JsonObject stats) {
        return stats.getJsonObject("queues").getJsonObject("NodeData").getJsonNumber("limit").longValue();
    }
}
