package io.vantaechonebula.telemetry.collector;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts batches to a pool's {@code /api/v1/pool/ingest}; only a 202 counts as taken. */
public final class HttpBatchSender implements BatchSender {

    public static final String INGEST_PATH = "/api/v1/pool/ingest";

    private final HttpClient client;
    private final URI endpoint;

    public HttpBatchSender(HttpClient client, URI poolBaseUrl) {
        this.client = client;
        this.endpoint = poolBaseUrl.resolve(INGEST_PATH);
    }

    @Override
    public void send(String nodeId, JsonObject payload) throws SendFailedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SendFailedException("could not reach " + endpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailedException("interrupted while sending to " + endpoint, e);
        }
        if (response.statusCode() != 202) {
            String retryAfter = response.headers().firstValue("Retry-After").map(s -> " (Retry-After " + s + " s)").orElse("");
            throw new SendFailedException(endpoint + " answered HTTP " + response.statusCode() + retryAfter + ": " + response.body());
        }
    }

    @Override
    public String toString() {
        return "HTTP POST " + endpoint;
    }
}
