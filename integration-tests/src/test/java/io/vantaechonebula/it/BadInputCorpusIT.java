package io.vantaechonebula.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs {@code bad-input.corpus}: each line a request and the answer it must get (status and problem
 * type). A refused telemetry payload must store nothing (its node, fresh for the case, stays
 * unknown); after the whole corpus the registrations and the audit log are as they were and no
 * stage of the pool is stuck. The corpus's header says how to read a line.
 */
@ExtendWith(ArquillianExtension.class)
class BadInputCorpusIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return VantaEar.asBuilt();
    }

    @Test
    void everyCaseGetsItsAnswerAndARefusalChangesNothing() throws Exception {
        TestOperators.add();
        List<Case> cases = cases();
        assertThat(cases).as("cases in the corpus").hasSizeGreaterThanOrEqualTo(300);
        int registrations = registrations();
        int audited = audited();
        SoftAssertions softly = new SoftAssertions();
        for (Case c : cases) {
            String node = Telemetry.newNodeId("corpus");
            HttpResponse<String> answer = send(c, node);
            softly.assertThat(answer.statusCode()).as(c.id() + ": status (" + abbreviate(answer.body()) + ")").isEqualTo(c.status());
            if (c.problem() != null) {
                softly.assertThat(problemType(answer.body())).as(c.id() + ": problem type").isEqualTo(c.problem());
            }
            if (c.status() >= 400 && c.path().startsWith("/api/v1/pool/ingest")) {
                softly.assertThat(Api.get("/api/v1/nodes/" + node).status()).as(c.id() + ": nothing stored").isEqualTo(404);
            }
        }
        softly.assertAll();
        assertThat(registrations()).as("registrations after the corpus").isEqualTo(registrations);
        assertThat(audited()).as("audit entries after the corpus").isEqualTo(audited);
        JsonObject stats = Api.eventually(() -> Api.get("/api/v1/pool/stats").object(), s -> s.getJsonArray("processors")
                .getValuesAs(JsonObject.class).stream()
                .allMatch(p -> p.getJsonNumber("pendingBatches").longValue() == 0 && p.getInt("failuresInARow") == 0));
        stats.getJsonArray("processors").getValuesAs(JsonObject.class).forEach(p -> {
            assertThat(p.getJsonNumber("pendingBatches").longValue()).as(p.getString("name") + " caught up").isZero();
            assertThat(p.getInt("failuresInARow")).as(p.getString("name") + " not failing").isZero();
        });
    }

    /** One line of the corpus. */
    record Case(String id, String method, String path, String auth, String contentType, String body, int status, String problem) {
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(BadInputCorpusIT.class.getResourceAsStream("/bad-input.corpus"));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 7) {
                    throw new IllegalStateException("corpus line of " + f.length + " fields, not 7: " + line);
                }
                String[] expect = f[6].trim().split(" ");
                cases.add(new Case(f[0], f[1], f[2], f[3], f[4], f[5], Integer.parseInt(expect[0]),
                        expect.length > 1 ? "urn:vantaechonebula:problem:" + expect[1] : null));
            }
        }
        return cases;
    }

    private static HttpResponse<String> send(Case c, String node) throws IOException, InterruptedException {
        byte[] body = CorpusBodies.body(c.body(), node);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + c.path().replace("${node}", node)))
                .timeout(Duration.ofSeconds(60))
                .method(c.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        switch (c.contentType()) {
            case "json" -> request.header("Content-Type", "application/json");
            case "form" -> request.header("Content-Type", "application/x-www-form-urlencoded");
            case "text" -> request.header("Content-Type", "text/plain");
            case "none" -> { }
            default -> throw new IllegalStateException(c.id() + ": content type " + c.contentType());
        }
        String login = switch (c.auth()) {
            case "-" -> null;
            case "viewer" -> TestOperators.VIEWER + ":" + TestOperators.VIEWER_PASSWORD;
            case "operator" -> TestOperators.OPERATOR + ":" + TestOperators.OPERATOR_PASSWORD;
            case "admin" -> TestOperators.ADMIN + ":" + TestOperators.ADMIN_PASSWORD;
            case "bad" -> TestOperators.ADMIN + ":not-" + TestOperators.ADMIN_PASSWORD;
            case "nobody" -> "mallory:whatever";
            default -> throw new IllegalStateException(c.id() + ": auth " + c.auth());
        };
        if (login != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String problemType(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object.getString("type", null) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int registrations() {
        return Api.get("/api/v1/nodes/registrations?limit=1000").array().size();
    }

    private static int audited() {
        return TestOperators.asAdmin("GET", "/api/v1/audit?limit=1000", null).array().size();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
