package io.vantaechonebula.telemetry.collector;

import io.vantaechonebula.telemetry.IngestAddresses;
import io.vantaechonebula.telemetry.PayloadKind;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts payloads to a pool's {@code /api/v1/pool/ingest}; only a 202 counts as taken. */
public final class HttpBatchSender implements BatchSender {

    private final HttpClient client;
    private final URI endpoint;

    /** @param endpoint the full ingest URL */
    public HttpBatchSender(HttpClient client, URI endpoint) {
        this.client = client;
        this.endpoint = endpoint;
    }

    /** A sender to the ingest path of the pool at this base URL ({@code http://host:8080}). */
    public static HttpBatchSender toPool(HttpClient client, URI poolBaseUrl) {
        return new HttpBatchSender(client, poolBaseUrl.resolve(IngestAddresses.INGEST_PATH));
    }

    @Override
    public String send(String nodeId, PayloadKind kind, JsonObject payload) throws SendFailedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SendFailedException("could not reach " + endpoint + " (" + e + "); is the pool running?"
                    + " ./vanta status tells", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailedException("interrupted while sending to " + endpoint, e);
        }
        if (response.statusCode() != 202) {
            String retryAfter = response.headers().firstValue("Retry-After").map(s -> " (Retry-After " + s + " s)").orElse("");
            throw new SendFailedException(endpoint + " answered HTTP " + response.statusCode() + retryAfter + ": "
                    + response.body());
        }
        return "HTTP 202 " + response.body();
    }

    @Override
    public String toString() {
        return "HTTP POST " + endpoint;
    }
}
