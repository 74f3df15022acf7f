package io.vantaechonebula.it;

import static io.vantaechonebula.it.Telemetry.batch;
import static io.vantaechonebula.it.Telemetry.newNodeId;
import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.it.Api.Answer;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class ObservabilityIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return VantaEar.asBuilt();
    }

    @Test
    void systemStatusIdentifiesTheSystemToProbingNodes() {
        Answer answer = Api.get("/api/v1/system/status");

        assertThat(answer.status()).isEqualTo(200);
        JsonObject status = answer.object();
        assertThat(status.getString("system")).isEqualTo("VantaEchoNebula");
        assertThat(status.getString("mode")).isEqualTo("full");
        assertThat(status.getBoolean("pool")).as("a full node runs the pool").isTrue();
        assertThat(status.getJsonArray("chains").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly("testnet", "mainnet");
        assertThat(status.getString("nodeId")).matches("[0-9a-f]{40}");
        assertThat(status.getString("version")).isNotBlank();
        assertThat(java.time.Instant.parse(status.getString("startedAt"))).isBefore(java.time.Instant.now());
    }

    @Test
    void readinessChecksTheDatabaseAndTheBroker() {
        Answer answer = Api.get("/health/ready");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.object().getString("status")).isEqualTo("UP");
        assertThat(answer.object().getJsonArray("checks").getValuesAs(JsonObject.class))
                .extracting(check -> check.getString("name") + "=" + check.getString("status"))
                .contains("database=UP", "jms-broker=UP");
    }

    @Test
    void livenessReportsTheHeap() {
        Answer answer = Api.get("/health/live");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.object().getJsonArray("checks").getValuesAs(JsonObject.class))
                .anySatisfy(check -> {
                    assertThat(check.getString("name")).isEqualTo("heap");
                    assertThat(check.getString("status")).isEqualTo("UP");
                });
    }

    @Test
    void metricsCountIngestInPrometheusText() {
        String node = newNodeId("metrics");
        double acceptedBefore = Metrics.value("vanta_pool_ingest_samples_accepted_total");
        assertThat(Api.post("/api/v1/pool/ingest", batch(node, 1, 4).toString()).status()).isEqualTo(202);
        assertThat(Api.post("/api/v1/pool/ingest", "{}").status()).isEqualTo(400);
        Api.nodeWithSamples(node, 4).orElseThrow();

        String text = Metrics.text();
        assertThat(Metrics.value("vanta_pool_ingest_samples_accepted_total")).isEqualTo(acceptedBefore + 4);
        assertThat(text).contains("vanta_pool_ingest_requests_total{outcome=\"accepted\"}")
                .contains("vanta_pool_ingest_requests_total{outcome=\"invalid\"}")
                .contains("vanta_pool_ingest_request_duration_seconds_count")
                .contains("vanta_pool_samples_stored_total")
                .contains("# HELP vanta_pool_samples_stored_total ")
                .contains("jvm_memory_used_bytes{area=\"heap\"}");
        assertThat(Metrics.value("vanta_pool_samples_stored_total")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void openApiDescribesEveryEndpoint() {
        Answer answer = Api.get("/openapi");

        assertThat(answer.status()).isEqualTo(200);
        for (String path : List.of("/api/v1/system/status", "/api/v1/pool/ingest", "/api/v1/pool/dead-letters",
                "/api/v1/nodes:", "/api/v1/nodes/{nodeId}:", "/api/v1/nodes/{nodeId}/samples")) {
            assertThat(answer.body()).as("OpenAPI document lists " + path).contains(path);
        }
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        Answer answer = Api.get("/api/v1/no-such-thing");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.object().getString("detail")).contains("/openapi");
    }
}
