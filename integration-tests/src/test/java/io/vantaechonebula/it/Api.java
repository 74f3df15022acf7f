package io.vantaechonebula.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Talks to the deployed system over HTTP, as any client would. */
final class Api {

    static final String BASE = System.getProperty("vanta.base-url", "http://localhost:8080");
    /** How long to wait for queued data to be stored; a wait, never an assertion on speed. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Api() {
    }

    record Answer(int status, String contentType, String body, Map<String, List<String>> headers) {

        Answer(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        JsonObject object() {
            return parse().asJsonObject();
        }

        JsonArray array() {
            return parse().asJsonArray();
        }

        private JsonValue parse() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readValue();
            }
        }
    }

    static Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).GET().build());
    }

    static Answer getAccepting(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Accept", accept).GET().build());
    }

    static Answer post(String path, String body) {
        return post(path, body, "application/json");
    }

    static Answer post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    static Answer post(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** A POST of JSON with the headers given (a signature's, say). */
    static Answer post(String path, byte[] body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A request with the method given, logged in (HTTP Basic) as the given operator; body (JSON) null for none. */
    static Answer sendAs(String method, String path, String body, String user, String password) {
        return sendAs(method, path, body, user, password, "application/json");
    }

    static Answer sendAs(String method, String path, String body, String user, String password, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", basic(user, password))
                .header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A POST with no body, logged in (HTTP Basic) as the given operator. */
    static Answer postAs(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", basic(user, password))
                .header("X-Requested-By", "integration-tests")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** A GET logged in (HTTP Basic) as the given operator. */
    static Answer getAs(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", basic(user, password)).GET().build());
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * A GET that meets a connection the server closed as it was reused ("EOF reached while reading") is sent
     * once more on a new one, as browsers and HTTP clients do with idempotent requests; anything else is the answer.
     */
    private static Answer send(HttpRequest request) {
        try {
            return sendOnce(request);
        } catch (UncheckedIOException e) {
            if (!"GET".equals(request.method())) {
                throw e;
            }
            return sendOnce(request);
        }
    }

    private static Answer sendOnce(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks again until the answer satisfies the condition, or patience runs out; returns the last answer. */
    static <T> T eventually(Supplier<T> ask, Predicate<T> condition) {
        return eventually(ask, condition, PATIENCE);
    }

    static <T> T eventually(Supplier<T> ask, Predicate<T> condition, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        T answer = ask.get();
        while (!condition.test(answer) && Instant.now().isBefore(deadline)) {
            sleep(250);
            answer = ask.get();
        }
        return answer;
    }

    /** The node as {@code GET /api/v1/nodes/{id}} shows it, once it has at least {@code samples} stored. */
    static Optional<JsonObject> nodeWithSamples(String nodeId, long samples) {
        Answer answer = eventually(() -> get("/api/v1/nodes/" + nodeId),
                a -> a.status() == 200 && a.object().getJsonNumber("samplesStored").longValue() >= samples);
        return answer.status() == 200 ? Optional.of(answer.object()) : Optional.empty();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
