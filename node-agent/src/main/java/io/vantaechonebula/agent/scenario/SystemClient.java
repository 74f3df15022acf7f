package io.vantaechonebula.agent.scenario;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The running system's public HTTP API, as the scenarios drive and read it. */
final class SystemClient {

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SystemClient(String url) {
        URI uri = URI.create(url.trim().endsWith("/") ? url.trim() : url.trim() + "/");
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("--url takes the system's URL, such as http://localhost:8080, got '" + url + "'");
        }
        this.base = uri;
    }

    /** @return the HTTP status */
    int post(String path, JsonObject body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build()).statusCode();
    }

    /** Posts a batch to the pool and insists it is taken: a scenario whose traffic was refused measures nothing. */
    void ingest(JsonObject batch) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("api/v1/pool/ingest"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(batch.toString())).build());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the pool refused a scenario's batch with HTTP " + response.statusCode() + ": "
                    + response.body());
        }
    }

    JsonObject get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonValue value = reader.readValue();
            return value.asJsonObject();
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the system at " + base + " does not answer (" + e.getMessage()
                    + "); start it with ./vanta start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to " + base, e);
        }
    }
}
