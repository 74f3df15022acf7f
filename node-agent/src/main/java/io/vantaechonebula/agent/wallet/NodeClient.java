package io.vantaechonebula.agent.wallet;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The node's chain API as the wallet uses it. */
final class NodeClient {

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    NodeClient(String url) {
        URI uri = URI.create(url.trim().endsWith("/") ? url.trim() : url.trim() + "/");
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("--node takes the node's URL, such as http://localhost:8080, got '" + url + "'");
        }
        this.base = uri;
    }

    /** What the node answered: its HTTP status and JSON body. */
    record Answer(int status, JsonObject body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** The problem's detail, with its reason code when it has one. */
        String problem() {
            String detail = body.getString("detail", body.toString());
            return body.containsKey("reason") ? body.getString("reason") + ": " + detail : detail;
        }
    }

    Answer get(String path) throws WalletException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    Answer post(String path, JsonObject body) throws WalletException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private Answer send(HttpRequest request) throws WalletException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response));
        } catch (IOException e) {
            throw new WalletException("Could not reach the node at " + base + " (" + e + "); is it running? ./vanta status tells");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalletException("Interrupted while talking to " + base);
        }
    }

    private static JsonObject parse(HttpResponse<String> response) throws WalletException {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new WalletException("The node answered HTTP " + response.statusCode() + " without a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            throw new WalletException("The node answered HTTP " + response.statusCode() + " with something that is not JSON: "
                    + response.body().substring(0, Math.min(200, response.body().length())));
        }
    }
}
