package io.vantaechonebula.it;

import static io.vantaechonebula.it.Telemetry.newNodeId;
import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.operators.Operator;
import io.vantaechonebula.operators.OperatorsFile;
import io.vantaechonebula.operators.PasswordHash;
import io.vantaechonebula.operators.Role;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agents as an operator meets them: a node misbehaves, an alert says so with its evidence, an operator acknowledges it. */
@ExtendWith(ArquillianExtension.class)
class AgentsIT {

    private static final String OPERATOR_PASSWORD = "operator-password-" + System.nanoTime();
    private static final String VIEWER_PASSWORD = "viewer-password-" + System.nanoTime();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return VantaEar.asBuilt();
    }

    @BeforeAll
    static void operators() throws Exception {
        // The server reads its operators file on change: the test adds its own people to it, as ./vanta operator add does.
        Path file = Path.of(System.getProperty("payara.home"), "glassfish", "domains", "domain1", "config", "vanta-operators");
        OperatorsFile.put(file, new Operator("alice", Set.of(Role.OPERATOR), PasswordHash.hash(OPERATOR_PASSWORD.toCharArray())));
        OperatorsFile.put(file, new Operator("vic", Set.of(Role.VIEWER), PasswordHash.hash(VIEWER_PASSWORD.toCharArray())));
    }

    @Test
    void aNodeWhoseLatencyJumpsGetsAnAlertWithEvidenceAndARecommendationThatAnOperatorAcknowledges() {
        String fast = newNodeId("fast");
        String slow = newNodeId("slow");
        send(fast, 1, 10, 20);
        send(slow, 1, 10, 40);
        Api.nodeWithSamples(slow, 10).orElseThrow();
        send(slow, 11, 1, 180);

        JsonObject alert = Api.eventually(() -> latencyAlert(slow), found -> found.isPresent()
                        && !found.get().isNull("recommendation"))
                .orElseThrow(() -> new AssertionError("no high_latency alert for " + slow));
        assertThat(alert.getString("agent")).isEqualTo("network-monitor");
        assertThat(alert.getString("severity")).isEqualTo("critical");
        JsonObject evidence = alert.getJsonObject("evidence");
        assertThat(evidence.getJsonNumber("value").doubleValue()).isEqualTo(180);
        assertThat(evidence.getJsonNumber("threshold").doubleValue()).isEqualTo(100);
        assertThat(evidence.getJsonNumber("usual").doubleValue()).isEqualTo(40);
        assertThat(alert.getString("summary")).contains(slow).contains("180 ms");
        assertThat(alert.getString("recommendation")).startsWith("Pick peers under 50 ms for node " + slow).contains(fast + " (20 ms)");
        assertThat(alert.isNull("acknowledgement")).isTrue();
        String path = "/api/v1/alerts/" + alert.getJsonNumber("id").longValue();

        Api.Answer anonymous = Api.post(path + "/acknowledgement", "");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(Api.postAs(path + "/acknowledgement", "vic", VIEWER_PASSWORD).status()).as("a viewer may not").isEqualTo(403);
        assertThat(Api.postAs(path + "/acknowledgement", "alice", "wrong-" + OPERATOR_PASSWORD).status()).isEqualTo(401);
        assertThat(Api.get(path).object().isNull("acknowledgement")).as("refused attempts change nothing").isTrue();

        Api.Answer acknowledged = Api.postAs(path + "/acknowledgement", "alice", OPERATOR_PASSWORD);

        assertThat(acknowledged.status()).isEqualTo(200);
        JsonObject record = Api.get(path).object().getJsonObject("acknowledgement");
        assertThat(record.getString("by")).isEqualTo("alice");
        assertThat(record.getString("at")).isNotBlank();
        assertThat(Api.get("/api/v1/alerts?node=" + slow).object().getJsonArray("alerts")).as("no longer open").isEmpty();
        assertThat(Api.get("/api/v1/alerts?state=acknowledged&node=" + slow).object().getJsonArray("alerts")).hasSize(1);

        JsonObject health = Api.get("/api/v1/nodes/" + slow + "/health").object();
        assertThat(health.getInt("score")).isLessThan(80);
        assertThat(health.getJsonArray("recommendations").getString(0)).startsWith("Pick peers under 50 ms");
        JsonObject fastHealth = Api.get("/api/v1/nodes/" + fast + "/health").object();
        assertThat(fastHealth.getJsonArray("alerts").getValuesAs(JsonObject.class)).noneMatch(a -> a.getString("kind").equals("high_latency"));
        assertThat(fastHealth.getJsonArray("metrics").getValuesAs(JsonObject.class))
                .filteredOn(m -> m.getString("metric").equals("average_latency"))
                .singleElement().satisfies(m -> assertThat(m.getString("status")).isEqualTo("ok"));
    }

    @Test
    void aNodeWhoseDiskIsNearlyFullIsToldToArchiveOldData() {
        String node = newNodeId("disk");
        sendStorage(node, 1, 0.50);
        sendStorage(node, 2, 0.96);

        JsonObject alert = Api.eventually(() -> alertOf(node, "high_storage"), found -> found.isPresent()
                        && !found.get().isNull("recommendation"))
                .orElseThrow(() -> new AssertionError("no high_storage alert for " + node));
        assertThat(alert.getString("agent")).isEqualTo("resonant");
        assertThat(alert.getString("severity")).isEqualTo("critical");
        assertThat(alert.getJsonObject("evidence").getJsonNumber("value").doubleValue()).isEqualTo(0.96);
        assertThat(alert.getJsonObject("evidence").getJsonNumber("threshold").doubleValue()).isEqualTo(0.90);
        assertThat(alert.getString("recommendation")).isEqualTo("Archive data older than 30 days on node " + node);

        JsonObject health = Api.get("/api/v1/nodes/" + node + "/health").object();
        assertThat(health.getJsonArray("metrics").getValuesAs(JsonObject.class))
                .filteredOn(m -> m.getString("metric").equals("storage_usage"))
                .singleElement().satisfies(m -> assertThat(m.getString("status")).isEqualTo("above"));
        assertThat(Api.get("/api/v1/nodes/" + node + "/samples?limit=1").body()).contains("\"storage_usage\":0.96");
    }

    @Test
    void theTwelveAgentsAreListedWithWhatTheyDidAndLearnt() {
        JsonObject answer = Api.eventually(() -> Api.get("/api/v1/agents").object(), agents -> agent(agents, "pattern-recognizer")
                .getJsonObject("state").getJsonObject("models").getInt("count") > 0);
        List<JsonObject> agents = answer.getJsonArray("agents").getValuesAs(JsonObject.class);
        assertThat(agents).hasSize(12);
        assertThat(agents).extracting(a -> a.getString("id")).contains("network-monitor", "decision-optimizer", "resonant");
        JsonObject pattern = agent(answer, "pattern-recognizer");
        assertThat(pattern.getJsonNumber("processed").longValue()).isPositive();
        assertThat(pattern.getJsonObject("state").getJsonObject("models").getJsonNumber("trainedValues").longValue()).isPositive();
        assertThat(Api.get("/api/v1/agents/Pattern%20Recognizer").object().getString("id")).isEqualTo("pattern-recognizer");
        assertThat(Api.get("/api/v1/insights?state=all").object().getJsonArray("insights")).isNotNull();
        Api.Answer noInsight = Api.get("/api/v1/insights/999999999");
        assertThat(noInsight.status()).isEqualTo(404);
        assertThat(noInsight.object().getString("detail")).isEqualTo("There is no insight 999999999; GET /api/v1/insights?state=all lists them");
        assertThat(Api.get("/api/v1/alerts?severity=fatal").object().getString("detail"))
                .isEqualTo("Query parameter 'severity': unknown severity 'fatal': use info, warning or critical");
        Api.Answer unknown = Api.get("/api/v1/agents/oracle");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.object().getString("detail")).contains("network-monitor");
    }

    @Test
    void aNodesModelsKeepTheirTrainingThroughARestartAndGoOnFromThere() throws Exception {
        String node = newNodeId("models");
        send(node, 1, 30, 40);
        String models = "/api/v1/agents/pattern-recognizer?node=" + node;
        JsonObject before = Api.eventually(() -> Api.get(models).object(), a -> trained(a, "average_latency") == 30);
        assertThat(trained(before, "average_latency")).isEqualTo(30);

        ServerControl.restart();

        JsonObject after = Api.get(models).object();
        assertThat(trained(after, "average_latency")).isEqualTo(30);
        assertThat(model(after, "average_latency").getInt("version"))
                .isEqualTo(model(before, "average_latency").getInt("version"));
        send(node, 31, 5, 40);
        JsonObject resumed = Api.eventually(() -> Api.get(models).object(), a -> trained(a, "average_latency") >= 35);
        assertThat(trained(resumed, "average_latency")).as("taken up where it stopped, not retrained").isEqualTo(35);
    }

    private static void send(String node, long firstSeq, int count, double latencyMs) {
        long nowMs = System.currentTimeMillis();
        JsonArrayBuilder samples = Json.createArrayBuilder();
        for (long seq = firstSeq; seq < firstSeq + count; seq++) {
            // Timed now, 5 s apart as a collector samples, the last one a moment ago.
            double timestamp = (nowMs - (firstSeq + count - 1 - seq) * 5_000L) / 1000.0;
            samples.add(Telemetry.sample(node, seq).add("timestamp", timestamp)
                    .add("network_metrics", Json.createObjectBuilder().add("peer_count", 5).add("average_latency", latencyMs)
                            .add("bandwidth_usage", 10240).add("connection_quality", 0.95)));
        }
        Api.Answer answer = Api.post("/api/v1/pool/ingest", Telemetry.batchOf(node, samples, count).toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    }

    private static void sendStorage(String node, long seq, double storage) {
        JsonObject sample = Telemetry.sample(node, seq).add("timestamp", System.currentTimeMillis() / 1000.0)
                .add("performance_metrics", Json.createObjectBuilder().add("cpu_usage", 0.25).add("memory_usage", 0.5)
                        .add("storage_usage", storage).add("uptime", 120 + seq))
                .build();
        Api.Answer answer = Api.post("/api/v1/pool/ingest", Telemetry.batchOf(node, Json.createArrayBuilder().add(sample), 1).toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    }

    private static Optional<JsonObject> latencyAlert(String node) {
        return alertOf(node, "high_latency");
    }

    private static Optional<JsonObject> alertOf(String node, String kind) {
        return Api.get("/api/v1/alerts?node=" + node).object().getJsonArray("alerts").getValuesAs(JsonObject.class).stream()
                .filter(alert -> alert.getString("kind").equals(kind))
                .findFirst();
    }

    private static JsonObject agent(JsonObject agents, String id) {
        return agents.getJsonArray("agents").getValuesAs(JsonObject.class).stream()
                .filter(agent -> agent.getString("id").equals(id)).findFirst().orElseThrow();
    }

    private static JsonObject model(JsonObject agent, String stream) {
        return agent.getJsonArray("models").getValuesAs(JsonObject.class).stream()
                .filter(model -> model.getString("stream").equals(stream)).findFirst().orElse(Json.createObjectBuilder()
                        .add("trainedCount", 0).add("version", 0).build());
    }

    private static long trained(JsonObject agent, String stream) {
        return model(agent, stream).getJsonNumber("trainedCount").longValue();
    }
}
