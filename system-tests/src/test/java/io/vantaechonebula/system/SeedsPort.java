package io.vantaechonebula.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the seeds' port (7000, docs/ingest.md) answers on a started system, Payara or WildFly. */
final class SeedsPort {

    static final int PORT = 7000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SeedsPort() {
    }

    /** What the application answers on the seeds' port with 404 on either server. */
    static final List<String> APPLICATION_PATHS = List.of("/metrics", "/console/login.xhtml", "/api/v1/chains/testnet/head",
            "/health/ready");

    /**
     * The seeds' default endpoint stores a batch; the discovery probe answers; the console, API and metrics, and the
     * server's own paths given, do not.
     */
    static void takesTheSeedsTelemetryAndServesNothingElse(List<String> refused) throws Exception {
        String node = "seeds-port-" + UUID.randomUUID();
        HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/api/v1/pool/ingest"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Vanta.batch(node))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as("POST to port " + PORT + ": " + sent.version() + " " + sent.headers().map() + " " + sent.body()).isEqualTo(202);
        Instant deadline = Instant.now().plusSeconds(60);
        String stored = "";
        while (Instant.now().isBefore(deadline) && !stored.contains("\"samplesStored\":1")) {
            stored = get("http://localhost:8080/api/v1/nodes/" + node).body();
            Thread.sleep(500);
        }
        assertThat(stored).as("the batch sent to port " + PORT + ", read on 8080").contains("\"samplesStored\":1");

        HttpResponse<String> status = get("http://localhost:" + PORT + "/api/v1/system/status");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).as("what discovery looks for").contains("\"system\":\"VantaEchoNebula\"", "\"pool\":true");
        for (String elsewhere : refused) {
            HttpResponse<String> answer = get("http://localhost:" + PORT + elsewhere);
            assertThat(answer.statusCode()).as(elsewhere + " on port " + PORT).isEqualTo(404);
            assertThat(answer.body()).contains("serves the seeds' nodes only");
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
