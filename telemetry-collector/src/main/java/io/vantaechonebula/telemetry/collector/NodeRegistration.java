package io.vantaechonebula.telemetry.collector;

import io.vantaechonebula.chain.crypto.Hex;
import io.vantaechonebula.telemetry.IngestAddresses;
import io.vantaechonebula.telemetry.collector.BatchSender.SendFailedException;
import io.vantaechonebula.telemetry.signing.NodeSigner;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Registers the node's key with a pool it found, signed by that key (docs/ingest.md), before its
 * first payload: from then on the pool takes the node's telemetry only with that key's signature.
 */
public final class NodeRegistration {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final HttpClient client;
    private final NodeSigner signer;
    private final String nodeType;

    public NodeRegistration(HttpClient client, NodeSigner signer, String nodeType) {
        this.client = client;
        this.signer = signer;
        this.nodeType = nodeType;
    }

    public NodeSigner signer() {
        return signer;
    }

    /** @return what the pool answered, in a line for the operator */
    public String register(URI poolBaseUrl) throws SendFailedException {
        URI endpoint = poolBaseUrl.resolve(IngestAddresses.REGISTRATIONS_PATH);
        byte[] body = JSON.createObjectBuilder()
                .add("node_id", signer.nodeId())
                .add("public_key", Hex.encode(signer.key().publicKey().bytes()))
                .add("node_type", nodeType)
                .build().toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signer.httpHeaders("POST", endpoint.getRawPath(), body).forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SendFailedException("could not register node " + signer.nodeId() + " at " + endpoint + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailedException("interrupted while registering at " + endpoint, e);
        }
        return switch (response.statusCode()) {
            case 201 -> "registered node " + signer.nodeId() + "'s key with the pool";
            case 200 -> "node " + signer.nodeId() + "'s key is registered with the pool";
            default -> throw new SendFailedException("the pool at " + poolBaseUrl + " did not register node " + signer.nodeId()
                    + "'s key: HTTP " + response.statusCode() + " " + response.body());
        };
    }
}
