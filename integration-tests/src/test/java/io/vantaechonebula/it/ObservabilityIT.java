package io.vantaechonebula.it;

import static io.vantaechonebula.it.Telemetry.batch;
import static io.vantaechonebula.it.Telemetry.newNodeId;
import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.it.Api.Answer;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class ObservabilityIT {

    private static final Path API_DESCRIPTION = Path.of("..", "web", "src", "main", "resources", "META-INF", "openapi.yaml");

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
    void openApiServesTheApisDescriptionAsWrittenAndRedoclyFindsNoError() throws Exception {
        Answer yaml = Api.get("/openapi");
        Answer json = Api.getAccepting("/openapi", "application/json");

        assertThat(yaml.status()).isEqualTo(200);
        assertThat(json.status()).isEqualTo(200);
        JsonObject document = json.object();
        assertThat(document.keySet()).as("nothing of the server's own at the root").containsExactlyInAnyOrder(
                "openapi", "info", "externalDocs", "servers", "security", "tags", "paths", "components");
        Set<String> written = Pattern.compile("(?m)^  (/api/v1/\\S+):$").matcher(Files.readString(API_DESCRIPTION)).results()
                .map(match -> match.group(1)).collect(Collectors.toSet());
        assertThat(document.getJsonObject("paths").keySet()).as("the paths of " + API_DESCRIPTION)
                .containsExactlyInAnyOrderElementsOf(written);

        Path served = Files.createTempFile("openapi", ".yaml");
        try {
            Files.writeString(served, yaml.body());
            Redocly.Lint lint = Redocly.lint(served);
            assertThat(lint.exitCode()).as(lint.output()).isZero();
            assertThat(lint.output()).contains("Your API description is valid");
        } finally {
            Files.delete(served);
        }
    }

    @Test
    void answersAnAcceptItCannotMeetWithAProblem() {
        Answer answer = Api.getAccepting("/api/v1/system/status", "text/xml");

        assertThat(answer.status()).isEqualTo(406);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.object().getString("type")).isEqualTo("urn:vantaechonebula:problem:not-acceptable");
        assertThat(answer.object().getString("detail")).contains("Accept: application/json");
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        Answer answer = Api.get("/api/v1/no-such-thing");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.object().getString("detail")).contains("/openapi");
    }
}
