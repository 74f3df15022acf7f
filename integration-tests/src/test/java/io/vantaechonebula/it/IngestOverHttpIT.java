package io.vantaechonebula.it;

import static io.vantaechonebula.it.Telemetry.batch;
import static io.vantaechonebula.it.Telemetry.batchOf;
import static io.vantaechonebula.it.Telemetry.contribution;
import static io.vantaechonebula.it.Telemetry.contributionData;
import static io.vantaechonebula.it.Telemetry.newNodeId;
import static io.vantaechonebula.it.Telemetry.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.it.Api.Answer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(ArquillianExtension.class)
class IngestOverHttpIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return VantaEar.asBuilt();
    }

    @Test
    void storesEverySampleOfAnAcceptedBatch() {
        String node = newNodeId("http");

        Answer answer = Api.post("/api/v1/pool/ingest", batch(node, 1, 3).toString());

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.object().getString("status")).isEqualTo("accepted");
        assertThat(answer.object().getInt("accepted")).isEqualTo(3);
        assertThat(answer.object().getString("node_id")).isEqualTo(node);
        JsonObject stored = Api.nodeWithSamples(node, 3).orElseThrow();
        assertThat(stored.getString("nodeType")).isEqualTo("basic");
        assertThat(stored.getString("chainId")).isEqualTo("testnet");
        Api.Answer firstPage = Api.get("/api/v1/nodes?limit=1000");
        long total = Long.parseLong(firstPage.header("X-Total-Count").orElseThrow());
        assertThat(firstPage.array()).hasSize((int) Math.min(total, 1000));
        List<String> listed = new ArrayList<>();
        for (int offset = 0; offset < total; offset += 1000) {
            Api.get("/api/v1/nodes?limit=1000&offset=" + offset).array()
                    .forEach(value -> listed.add(value.asJsonObject().getString("nodeId")));
        }
        assertThat(listed).contains(node);
        assertThat(Api.get("/api/v1/nodes?limit=1001").status()).isEqualTo(400);

        JsonArray newest = Api.get("/api/v1/nodes/" + node + "/samples?limit=2").array();
        assertThat(newest).hasSize(2);
        assertThat(newest.getJsonObject(0).getInt("seq")).isEqualTo(3);
        assertThat(newest.getJsonObject(1).getInt("seq")).isEqualTo(2);
        JsonObject latest = newest.getJsonObject(0);
        assertThat(latest.getJsonObject("blockchain_metrics").getInt("current_height")).isEqualTo(1003);
        assertThat(latest.getJsonObject("network_metrics").getJsonNumber("average_latency").doubleValue()).isEqualTo(42.5);
        assertThat(latest.getJsonObject("performance_metrics").getJsonNumber("cpu_usage").doubleValue()).isEqualTo(0.25);
    }

    @Test
    void storesResentAndOverlappingSamplesOnce() {
        String node = newNodeId("dupe");
        double duplicatesBefore = Metrics.value("vanta_pool_samples_duplicate_total");

        assertThat(Api.post("/api/v1/pool/ingest", batch(node, 1, 3).toString()).status()).isEqualTo(202);
        assertThat(Api.post("/api/v1/pool/ingest", batch(node, 1, 3).toString()).status()).isEqualTo(202);
        assertThat(Api.post("/api/v1/pool/ingest", batch(node, 2, 3).toString()).status()).isEqualTo(202);

        // 3 + 3 + 3 samples sent, of which 5 repeat one already sent: wait until the pool has seen them all.
        Api.eventually(() -> Metrics.value("vanta_pool_samples_duplicate_total"), seen -> seen >= duplicatesBefore + 5);
        JsonObject stored = Api.nodeWithSamples(node, 4).orElseThrow();
        assertThat(stored.getJsonNumber("samplesStored").longValue()).isEqualTo(4);
        assertThat(Api.get("/api/v1/nodes/" + node + "/samples?limit=100").array()).hasSize(4);
    }

    @Test
    void attributesAContributionWithoutNodeIdToItsSender() {
        Answer answer = Api.post("/api/v1/pool/ingest", contribution(contributionData()).toString());

        assertThat(answer.status()).isEqualTo(202);
        String node = answer.object().getString("node_id");
        assertThat(node).startsWith("sender-");
        assertThat(Api.nodeWithSamples(node, 1)).isPresent();
        JsonObject sample = Api.get("/api/v1/nodes/" + node + "/samples?limit=1").array().getJsonObject(0);
        assertThat(sample.getString("node_type")).isEqualTo("simple");
        assertThat(sample.getString("chain_id")).isEqualTo("mainnet");
        assertThat(sample.getJsonObject("blockchain_metrics").getInt("transaction_count")).isEqualTo(77);
        assertThat(sample.getJsonObject("network_metrics").getInt("peer_count")).isEqualTo(2);
    }

    @Test
    void keepsTheNodeIdAContributionNames() {
        String node = newNodeId("contrib");
        Answer answer = Api.post("/api/v1/pool/ingest", contribution(contributionData().add("node_id", node)).toString());
        assertThat(answer.object().getString("node_id")).isEqualTo(node);
        assertThat(Api.nodeWithSamples(node, 1)).isPresent();
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("text that is not JSON", node -> "{\"node_id\": \"" + node + "\", ", "$", "is not valid JSON"),
                bad("JSON that is not an object", node -> "[\"" + node + "\"]", "$", "must be a JSON object"),
                bad("an object of neither shape", node -> "{\"node\": \"" + node + "\"}", "$", "neither a batch"),
                bad("a missing metric group", node -> batchOf(node,
                        Json.createArrayBuilder().add(sample(node, 1).remove("network_metrics")), 1).toString(),
                        "data_batch[0].network_metrics", "is missing"),
                bad("a number sent as a string", node -> batchOf(node, Json.createArrayBuilder().add(sample(node, 1)
                                .add("blockchain_metrics", Json.createObjectBuilder(sample(node, 1).build()
                                        .getJsonObject("blockchain_metrics")).add("current_height", "12"))), 1).toString(),
                        "data_batch[0].blockchain_metrics.current_height", "must be a whole number"),
                bad("a negative count", node -> batchOf(node, Json.createArrayBuilder().add(sample(node, 1)
                                .add("network_metrics", Json.createObjectBuilder(sample(node, 1).build()
                                        .getJsonObject("network_metrics")).add("peer_count", -2))), 1).toString(),
                        "data_batch[0].network_metrics.peer_count", "got -2"),
                bad("cpu usage as a percentage", node -> batchOf(node, Json.createArrayBuilder().add(sample(node, 1)
                                .add("performance_metrics", Json.createObjectBuilder(sample(node, 1).build()
                                        .getJsonObject("performance_metrics")).add("cpu_usage", 55))), 1).toString(),
                        "data_batch[0].performance_metrics.cpu_usage", "divide it by 100"),
                bad("a timestamp in milliseconds", node -> batchOf(node, Json.createArrayBuilder()
                                .add(sample(node, 1).add("timestamp", System.currentTimeMillis())), 1).toString(),
                        "data_batch[0].timestamp", "looks like milliseconds"),
                bad("a batch_size that disagrees", node -> Json.createObjectBuilder(batch(node, 1, 2))
                        .add("batch_size", 5).build().toString(), "batch_size", "says 5 but data_batch holds 2"),
                bad("a sample of another node", node -> batchOf(node, Json.createArrayBuilder()
                        .add(sample(node, 1)).add(sample(node + "-other", 2)), 2).toString(),
                        "data_batch[1].node_id", "a batch carries one node's samples"),
                bad("an empty batch", node -> batchOf(node, Json.createArrayBuilder(), 0).toString(),
                        "data_batch", "is empty"),
                bad("an unknown node type", node -> batchOf(node, Json.createArrayBuilder()
                                .add(sample(node, 1).add("node_type", "archive")), 1).toString(),
                        "data_batch[0].node_type", "one of full, simple, basic"),
                bad("a contribution of the wrong data_type", node -> Json.createObjectBuilder(
                                contribution(contributionData().add("node_id", node))).add("data_type", "report").build().toString(),
                        "data_type", "must be \"node_contribution\""));
    }

    private static Arguments bad(String what, Function<String, String> body, String field, String message) {
        return Arguments.of(what, body, field, message);
    }

    @ParameterizedTest(name = "rejects {0}")
    @MethodSource("badInput")
    void rejectsBadInputNamingTheFieldAndStoresNothing(String what, Function<String, String> body, String field,
                                                       String message) {
        String node = newNodeId("bad");

        Answer answer = Api.post("/api/v1/pool/ingest", body.apply(node));

        assertThat(answer.status()).as(what).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonObject problem = answer.object();
        assertThat(problem.getString("type")).isEqualTo("urn:vantaechonebula:problem:invalid-telemetry");
        assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
                .anySatisfy(error -> {
                    assertThat(error.getString("field")).isEqualTo(field);
                    assertThat(error.getString("message")).contains(message);
                });
        assertNothingStoredFor(node);
    }

    @Test
    void refusesABodyOverTheSizeLimitWith413AndStoresNothing() {
        String node = newNodeId("large");
        String padding = "x".repeat(1024 * 1024);
        String body = Json.createObjectBuilder(batch(node, 1, 1)).add("padding", padding).build().toString();

        Answer answer = Api.post("/api/v1/pool/ingest", body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.object().getString("type")).isEqualTo("urn:vantaechonebula:problem:payload-too-large");
        assertThat(answer.object().getString("detail")).contains("1048576 bytes");
        assertNothingStoredFor(node);
    }

    @Test
    void refusesAnOversizedBodySentInChunksWithoutALengthWith413AndStoresNothing() throws Exception {
        String node = newNodeId("chunked");
        byte[] body = Json.createObjectBuilder(batch(node, 1, 1)).add("padding", "x".repeat(3 * 1024 * 1024)).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/pool/ingest"))
                .header("Content-Type", "application/json")
                // An input stream has no length: the client sends Transfer-Encoding: chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("urn:vantaechonebula:problem:payload-too-large");
        assertNothingStoredFor(node);
    }

    @Test
    void refusesABodyThatIsNotJsonByContentType() {
        String node = newNodeId("text");
        Answer answer = Api.post("/api/v1/pool/ingest", batch(node, 1, 1).toString(), "text/plain");
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.object().getString("detail")).contains("application/json");
        assertNothingStoredFor(node);
    }

    @Test
    void answersUnknownNodeWith404Problem() {
        Answer answer = Api.get("/api/v1/nodes/never-seen-node/samples");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.object().getString("type")).isEqualTo("urn:vantaechonebula:problem:node-not-found");
    }

    @Test
    void answersABadLimitWith400Problem() {
        String node = newNodeId("limit");
        Api.post("/api/v1/pool/ingest", batch(node, 1, 1).toString());
        Api.nodeWithSamples(node, 1).orElseThrow();
        Answer answer = Api.get("/api/v1/nodes/" + node + "/samples?limit=0");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.object().getString("detail")).contains("'limit' must be a whole number from 1 to 1000");
    }

    /**
     * A rejected payload must leave no trace. To know the pool has had time to store anything it
     * wrongly accepted, send one good sample for the same node afterwards and wait for that.
     */
    private static void assertNothingStoredFor(String node) {
        assertThat(Api.post("/api/v1/pool/ingest", batch(node, 900, 1).toString()).status()).isEqualTo(202);
        JsonObject stored = Api.nodeWithSamples(node, 1).orElseThrow();
        assertThat(stored.getJsonNumber("samplesStored").longValue()).isEqualTo(1);
        JsonArray samples = Api.get("/api/v1/nodes/" + node + "/samples").array();
        assertThat(samples).hasSize(1);
        assertThat(samples.getJsonObject(0).getInt("seq")).isEqualTo(900);
    }
}
