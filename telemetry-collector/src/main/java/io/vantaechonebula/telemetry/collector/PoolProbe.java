package io.vantaechonebula.telemetry.collector;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Finds a VantaEchoNebula pool by asking candidate addresses for {@code GET /api/v1/system/status}:
 * the one that answers {@code "system": "VantaEchoNebula"} and {@code "pool": true} (a full node) is
 * the pool; a simple or basic node, or a light node, is not.
 */
public final class PoolProbe {

    /**
     * Where a node looks when no pool is configured: the ports a full node serves on one machine, its main HTTP port
     * first, then the seeds' port (docs/ingest.md).
     */
    public static final List<URI> LOCAL_CANDIDATES = List.of(URI.create("http://localhost:8080"), URI.create("http://localhost:9080"),
            URI.create("http://localhost:7000"));
    static final String STATUS_PATH = "/api/v1/system/status";
    private static final String SYSTEM_NAME = "VantaEchoNebula";
    private static final JsonProvider JSON = JsonProvider.provider();

    /**
     * A pool that answered: its base URL, its own node id, and its JMS broker ({@code openmq}, {@code artemis},
     * or empty from a server that does not say).
     */
    public record Found(URI baseUrl, String nodeId, String broker) {

        /** Whether JMS goes to Artemis through the pool's own HTTP port (WildFly) rather than OpenMQ's 7676. */
        public boolean brokerOnHttpPort() {
            return "artemis".equals(broker);
        }
    }

    private final HttpClient client;

    public PoolProbe(HttpClient client) {
        this.client = client;
    }

    /** The first candidate that answers as the system, in order. */
    public Optional<Found> find(List<URI> candidates) {
        for (URI candidate : candidates) {
            Optional<Found> found = probe(candidate);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public Optional<Found> probe(URI baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(STATUS_PATH)).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return parse(baseUrl, response.body());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<Found> parse(URI baseUrl, String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return Optional.empty();
            }
            JsonObject status = value.asJsonObject();
            if (!SYSTEM_NAME.equals(status.getString("system", null)) || !status.getBoolean("pool", false)) {
                return Optional.empty();
            }
            return Optional.of(new Found(baseUrl, status.getString("nodeId", ""), status.getString("broker", "")));
        } catch (RuntimeException e) {
            // Whatever answered is not the system: not JSON, or not its shape.
            return Optional.empty();
        }
    }
}
