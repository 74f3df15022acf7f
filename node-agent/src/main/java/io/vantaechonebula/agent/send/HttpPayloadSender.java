package io.vantaechonebula.agent.send;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts payloads to {@code /api/v1/pool/ingest}. */
final class HttpPayloadSender implements PayloadSender {

    static final String INGEST_PATH = "/api/v1/pool/ingest";

    private final URI endpoint;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HttpPayloadSender(String url) {
        this.endpoint = endpoint(url);
    }

    /** A base URL ({@code http://host:8080}) gets the ingest path; a full URL is used as given. */
    static URI endpoint(String url) {
        URI uri = URI.create(url.trim());
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("--http takes an http:// or https:// URL such as http://localhost:8080, got '"
                    + url + "'");
        }
        String path = uri.getPath();
        return (path == null || path.isEmpty() || path.equals("/")) ? uri.resolve(INGEST_PATH) : uri;
    }

    @Override
    public String send(Outgoing payload) throws SendException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload.body().toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SendException("Could not reach " + endpoint + " (" + e + "); is the system running? ./vanta status tells", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendException("Interrupted while sending to " + endpoint, e);
        }
        if (response.statusCode() == 202) {
            return "HTTP 202 " + response.body();
        }
        throw new SendException("The pool at " + endpoint + " answered HTTP " + response.statusCode() + ": " + response.body());
    }

    @Override
    public void close() {
        // HttpClient holds no resources that need closing on Java 17.
    }
}
