package io.vantaechonebula.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./vanta start --server wildfly} on a fresh run directory of its own: the same EAR on WildFly answers
 * health and metrics, stores telemetry sent over HTTP and over JMS (Artemis through the HTTP port), sets a
 * message that is not telemetry aside as a dead letter, mines and includes a transfer, lets the generated
 * admin in and nobody else, and lets no stranger onto the broker and a node's user only produce telemetry;
 * {@code ./vanta stop} ends it.
 */
class WildFlyStartIT {

    private static final Path RUN = Path.of(System.getProperty("vanta.run-dir")).resolveSibling("run-wildfly");
    private static final Map<String, String> ON_WILDFLY = Map.of("VANTA_RUN_DIR", RUN.toString());
    private static final String BASE = "http://localhost:8080";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String startOutput;

    @BeforeAll
    static void startOnAFreshRunDirectory() throws Exception {
        for (int port : new int[] {8080, 8443, 9990, SeedsPort.PORT}) {
            assertThat(Listeners.anyOn(port)).as("port " + port + " must be free: WildFly needs it. Stop what holds it"
                    + " (./vanta stop, or ss -ltnp says who) and run again").isFalse();
        }
        Vanta.deleteTree(RUN);
        Vanta.Result start = Vanta.run(Duration.ofMinutes(12), ON_WILDFLY, "start", "--server", "wildfly");
        startOutput = start.output();
        assertThat(start.exit()).as("./vanta start --server wildfly said:\n" + startOutput).isZero();
    }

    @AfterAll
    static void stopWhatStarted() throws Exception {
        Vanta.Result stop = Vanta.run(Duration.ofMinutes(3), ON_WILDFLY, "stop");
        assertThat(stop.output()).contains("Stopping WildFly", "Stopped.");
        assertThat(Listeners.anyOn(8080)).as("nothing listens on 8080 after ./vanta stop").isFalse();
    }

    @Test
    void printsTheConsoleAndWhereItsPasswordIs() {
        assertThat(startOutput).contains("VantaEchoNebula is running on WildFly.",
                "Console        http://localhost:8080/console/", RUN.resolve("admin.password").toString());
    }

    @Test
    void theSeedsPortTakesTheirTelemetryAndServesNothingElse() throws Exception {
        assertThat(startOutput).contains("POST http://localhost:7000/api/v1/pool/ingest");
        // WildFly serves /openapi itself (SmallRye OpenAPI, outside the application) on each of its HTTP listeners.
        SeedsPort.takesTheSeedsTelemetryAndServesNothingElse(SeedsPort.APPLICATION_PATHS);
    }

    @Test
    void isReadyWithTheDatabaseAndTheBrokerUpAndAliveWithItsHeap() throws Exception {
        HttpResponse<String> ready = get("/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"name\":\"database\",\"status\":\"UP\"", "\"name\":\"jms-broker\",\"status\":\"UP\"");
        assertThat(get("/health/live", null).body()).contains("\"name\":\"heap\",\"status\":\"UP\"");
    }

    @Test
    void storesTelemetrySentOverHttpAndCountsItInItsMetrics() throws Exception {
        String node = "wildfly-" + UUID.randomUUID();
        HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/pool/ingest"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Vanta.batch(node))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);

        String stored = eventually("/api/v1/nodes/" + node, body -> body.contains("\"samplesStored\":1"));
        assertThat(stored).contains("\"nodeId\":\"" + node + "\"");
        String metrics = get("/metrics", null).body();
        assertThat(metrics).contains("# HELP vanta_pool_samples_stored_total ", "vanta_pool_ingest_requests_total{outcome=\"accepted\"}");
    }

    @Test
    void storesTelemetrySentOverJmsWithTheSendCommand() throws Exception {
        String node = "wildfly-jms-" + UUID.randomUUID();
        Path batch = RUN.resolve(node + ".json");
        Files.writeString(batch, Vanta.batch(node));
        Vanta.Result send = Vanta.run(Duration.ofMinutes(2), ON_WILDFLY, "send", "--jms", "tcp://localhost:8080",
                "--file", batch.toString());
        assertThat(send.exit()).as(send.output()).isZero();

        assertThat(eventually("/api/v1/nodes/" + node, body -> body.contains("\"samplesStored\":1"))).contains(node);
    }

    @Test
    void theBrokerRefusesStrangersAndANodesUserOnlyProducesTelemetry() throws Exception {
        for (String[] stranger : new String[][] {{null, null}, {"guest", "guest"}, {"admin", "admin"}}) {
            assertThatThrownBy(() -> {
                try (ActiveMQConnectionFactory factory = artemis();
                     JMSContext context = stranger[0] == null ? factory.createContext() : factory.createContext(stranger[0], stranger[1])) {
                    context.createProducer().send(context.createQueue("NodeData"), "{}");
                }
            }).as(stranger[0] == null ? "anonymous" : stranger[0]).isInstanceOf(JMSRuntimeException.class).hasMessageContaining("AMQ229031");
        }
        Properties credentials = new Properties();
        try (var in = Files.newInputStream(RUN.resolve("broker.credentials"))) {
            credentials.load(in);
        }
        try (ActiveMQConnectionFactory factory = artemis();
             JMSContext context = factory.createContext(credentials.getProperty("user"), credentials.getProperty("password"))) {
            for (String queue : new String[] {"NodeData", "NodeDataDLQ", "Training"}) {
                assertThatThrownBy(() -> context.createConsumer(context.createQueue(queue)).receiveNoWait()).as("consume " + queue)
                        .isInstanceOf(JMSRuntimeException.class).hasMessageContaining("permission");
            }
            assertThatThrownBy(() -> context.createProducer().send(context.createQueue("Training"), "{}")).as("send to Training")
                    .isInstanceOf(JMSRuntimeException.class).hasMessageContaining("permission");
        }
    }

    private static ActiveMQConnectionFactory artemis() {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://localhost:8080?httpUpgradeEnabled=true");
        factory.setEnable1xPrefixes(true);
        return factory;
    }

    @Test
    void setsAMessageThatIsNotTelemetryAsideAsADeadLetterWithItsReason() throws Exception {
        Properties credentials = new Properties();
        try (var in = Files.newInputStream(RUN.resolve("broker.credentials"))) {
            credentials.load(in);
        }
        String marker = "not telemetry " + UUID.randomUUID();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://localhost:8080?httpUpgradeEnabled=true");
        factory.setEnable1xPrefixes(true);
        try (factory; JMSContext context = factory.createContext(credentials.getProperty("user"), credentials.getProperty("password"))) {
            context.createProducer().send(context.createQueue("NodeData"), marker);
        }
        String password = Files.readString(RUN.resolve("admin.password")).strip();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String letters = "";
        while (Instant.now().isBefore(deadline) && !letters.contains(marker)) {
            letters = get("/api/v1/pool/dead-letters", "admin:" + password).body();
            Thread.sleep(500);
        }
        assertThat(letters).as("the dead letters list the message with its reason").contains(marker).contains("reason");
    }

    @Test
    void minesAndIncludesATransferSentWithTheWalletCommand() throws Exception {
        Path key = RUN.resolve("recipient.key");
        Vanta.Result recipient = Vanta.run(Duration.ofMinutes(2), ON_WILDFLY, "wallet", "new", "--out", key.toString());
        assertThat(recipient.exit()).as(recipient.output()).isZero();
        String address = recipient.output().lines().filter(line -> line.matches("[0-9a-f]{40,}")).findFirst().orElseThrow();

        Vanta.Result send = Vanta.run(Duration.ofMinutes(3), ON_WILDFLY, "wallet", "send", "--chain", "testnet",
                "--key", "config/chains/testnet-dev.key", "--to", address, "--amount", "4242", "--fee", "1000",
                "--node", BASE, "--wait");
        assertThat(send.exit()).as(send.output()).isZero();
        assertThat(send.output()).contains("included in block");
        assertThat(get("/api/v1/chains/testnet/accounts/" + address, null).body()).contains("\"balance\":4242");
    }

    @Test
    void theGeneratedAdminLogsInAndAWrongPasswordIsRefused() throws Exception {
        String password = Files.readString(RUN.resolve("admin.password")).strip();
        assertThat(get("/api/v1/audit", "admin:" + password).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/audit", "admin:wrong-" + password).statusCode()).isEqualTo(401);
        HttpResponse<String> console = get("/console/", null);
        assertThat(console.statusCode()).isIn(200, 302);
        assertThat(console.statusCode() == 302 ? console.headers().firstValue("Location").orElse("") : console.body())
                .contains("login");
    }

    private static HttpResponse<String> get(String path, String login) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(20));
        if (login != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String eventually(String path, Predicate<String> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> answer = get(path, null);
            body = answer.body();
            if (answer.statusCode() == 200 && done.test(body)) {
                return body;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("GET " + path + " did not come to what was expected within 60 s; last answer: " + body);
    }
}
