package io.vantaechonebula.telemetry.collector;

import io.vantaechonebula.telemetry.IngestAddresses;
import io.vantaechonebula.telemetry.PayloadKind;
import io.vantaechonebula.telemetry.signing.NodeSigner;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

/**
 * Posts payloads to a pool's {@code /api/v1/pool/ingest}, signed with the node's key where it has
 * one (RFC 9421, docs/ingest.md); only a 202 counts as taken.
 */
public final class HttpBatchSender implements BatchSender {

    private final HttpClient client;
    private final URI endpoint;
    private final Optional<NodeSigner> signer;

    /** @param endpoint the full ingest URL */
    public HttpBatchSender(HttpClient client, URI endpoint, Optional<NodeSigner> signer) {
        this.client = client;
        this.endpoint = endpoint;
        this.signer = signer;
    }

    /** An unsigned sender, as the seeds' clients send. */
    public HttpBatchSender(HttpClient client, URI endpoint) {
        this(client, endpoint, Optional.empty());
    }

    /** A sender to the ingest path of the pool at this base URL ({@code http://host:8080}). */
    public static HttpBatchSender toPool(HttpClient client, URI poolBaseUrl, Optional<NodeSigner> signer) {
        return new HttpBatchSender(client, poolBaseUrl.resolve(IngestAddresses.INGEST_PATH), signer);
    }

    @Override
    public String send(String nodeId, PayloadKind kind, JsonObject payload) throws SendFailedException {
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signer.ifPresent(node -> node.httpHeaders("POST", endpoint.getRawPath(), body).forEach(builder::header));
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (SSLHandshakeException e) {
            throw new SendFailedException("could not reach " + endpoint + ": its TLS certificate is not trusted here (" + e.getMessage()
                    + "); ./vanta trusts the authority in $VANTA_CA, the pool's run/tls/ca.pem", e);
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
