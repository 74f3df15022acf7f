package io.vantaechonebula.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.messaging.ConnectionConfiguration;
import com.sun.messaging.ConnectionFactory;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A node's broker user turned hostile, against the system as {@code ./vanta start} makes it: a 70 MB
 * message, bytes that are not UTF-8, Java objects, ten thousand poison messages; and a server killed
 * with {@code kill -9} in the middle of a stream, then started again, loses and doubles no sample
 * the broker acknowledged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileJmsIT {

    private static final Path RUN = Path.of(System.getProperty("vanta.run-dir"));
    private static final Path DOMAIN = RUN.resolve("payara6/glassfish/domains/domain1");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String user;
    private static String password;
    private static String adminBasic;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Vanta.Result start = Vanta.run(Duration.ofMinutes(12), "start");
        assertThat(start.exit()).as("./vanta start said:\n" + start.output()).isZero();
        Properties credentials = new Properties();
        credentials.load(Files.newBufferedReader(RUN.resolve("broker.credentials")));
        user = credentials.getProperty("user");
        password = credentials.getProperty("password");
        adminBasic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + Files.readString(RUN.resolve("admin.password")).strip())
                .getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        Vanta.run(Duration.ofMinutes(3), "stop");
    }

    @Test
    @Order(1)
    void theBrokerRefusesA70MegabyteMessageAndThePoolStaysReady() throws Exception {
        try (JMSContext context = broker().createContext(user, password)) {
            String huge = "x".repeat(70 * 1024 * 1024);
            assertThatThrownBy(() -> context.createProducer().send(context.createQueue("NodeData"), huge))
                    .isInstanceOf(JMSRuntimeException.class);
        }
        assertThat(get("http://localhost:8080/health/ready", null).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void poisonOfEveryKindIsSetAsideWithItsReason() throws Exception {
        Map<String, String> reasonById = new HashMap<>();
        try (Connection connection = broker().createConnection(user, password)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("NodeData"));
            BytesMessage latin1 = session.createBytesMessage();
            latin1.writeBytes("{\"node_id\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
            reasonById.put(sent(producer, latin1), "not UTF-8");
            reasonById.put(sent(producer, session.createObjectMessage(new ArrayList<>(List.of("a", "b")))),
                    "must be a TextMessage");
            reasonById.put(sent(producer, session.createTextMessage("{\"node_id\": ")), "not valid JSON");
            reasonById.put(sent(producer, session.createTextMessage("{\"node_id\": \"a\", \"node_id\": \"b\"}")), "duplicate");
        }
        for (Map.Entry<String, String> poison : reasonById.entrySet()) {
            JsonObject letter = eventuallyDeadLetter(poison.getKey());
            assertThat(letter.getString("reason")).as(poison.getKey()).containsIgnoringCase(poison.getValue());
        }
    }

    @Test
    @Order(2)
    void tenThousandPoisonMessagesAreSetAsideAndAGoodBatchBehindThemIsStored() throws Exception {
        try (Connection connection = broker().createConnection(user, password)) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue("NodeData"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 1; i <= 10_000; i++) {
                producer.send(session.createTextMessage("poison " + i));
                if (i % 500 == 0) {
                    session.commit();
                }
            }
            session.commit();
        }
        String node = "behind-poison-" + Long.toHexString(System.nanoTime());
        Path file = RUN.resolve(node + ".json");
        Files.writeString(file, Vanta.batch(node));
        Vanta.Result send = Vanta.run(Duration.ofMinutes(2), "send", "--jms", "mq://localhost:7676", "--file", file.toString());
        assertThat(send.exit()).as(send.output()).isZero();

        assertThat(eventually(() -> get("http://localhost:8080/api/v1/nodes/" + node, null).statusCode(), 200,
                Duration.ofMinutes(6))).isEqualTo(200);
        HttpResponse<String> letters = get("http://localhost:8080/api/v1/pool/dead-letters?limit=10", adminBasic);
        assertThat(letters.statusCode()).isEqualTo(200);
        assertThat(Json.createReader(new StringReader(letters.body())).readArray()).hasSize(10);
    }

    @Test
    @Order(3)
    void aServerKilledInTheMiddleOfAStreamKeepsEveryAcknowledgedSampleOnce() throws Exception {
        String node = "kill9-" + Long.toHexString(System.nanoTime());
        List<Integer> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean go = new AtomicBoolean(true);
        Thread stream = new Thread(() -> {
            try (Connection connection = broker().createConnection(user, password)) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue("NodeData"));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (int seq = 1; go.get(); seq++) {
                    producer.send(session.createTextMessage(Vanta.batch(node, seq)));
                    acknowledged.add(seq);
                }
            } catch (Exception e) {
                // The server died under the stream: what the broker acknowledged before is the record.
            }
        });
        stream.start();
        Instant until = Instant.now().plusSeconds(30);
        while (acknowledged.size() < 50 && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        Vanta.signal("KILL", Long.parseLong(Files.readString(DOMAIN.resolve("config/pid")).strip()));
        stream.join(60_000);
        go.set(false);
        List<Integer> sent = List.copyOf(acknowledged);
        assertThat(sent).as("samples the broker acknowledged before the kill").hasSizeGreaterThanOrEqualTo(50);

        Vanta.Result restart = Vanta.run(Duration.ofMinutes(12), "start");
        assertThat(restart.exit()).as(restart.output()).isZero();

        assertThat(eventually(() -> storedSeqs(node).containsAll(sent) ? 1 : 0, 1, Duration.ofMinutes(5))).as(
                "every acknowledged sample stored").isEqualTo(1);
        List<Integer> stored = storedSeqList(node);
        assertThat(new HashSet<>(stored)).as("no sample stored twice").hasSize(stored.size());
    }

    private static Set<Integer> storedSeqs(String node) throws Exception {
        return new HashSet<>(storedSeqList(node));
    }

    private static List<Integer> storedSeqList(String node) throws Exception {
        HttpResponse<String> answer = get("http://localhost:8080/api/v1/nodes/" + node + "/samples?limit=1000", null);
        if (answer.statusCode() != 200) {
            return List.of();
        }
        return Json.createReader(new StringReader(answer.body())).readArray().getValuesAs(JsonObject.class).stream()
                .map(sample -> sample.getInt("seq")).toList();
    }

    private static String sent(MessageProducer producer, Message message) throws JMSException {
        producer.send(message);
        return message.getJMSMessageID();
    }

    private static JsonObject eventuallyDeadLetter(String messageId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> answer = get("http://localhost:8080/api/v1/pool/dead-letters?limit=1000", adminBasic);
            if (answer.statusCode() == 200) {
                JsonArray letters = Json.createReader(new StringReader(answer.body())).readArray();
                for (JsonObject letter : letters.getValuesAs(JsonObject.class)) {
                    if (messageId.equals(letter.getString("originalMessageId", null))) {
                        return letter;
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no dead letter for message " + messageId + " within 2 minutes");
    }

    private interface Probe {
        int value() throws Exception;
    }

    private static int eventually(Probe probe, int wanted, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        int value = probe.value();
        while (value != wanted && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            value = probe.value();
        }
        return value;
    }

    private static HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ConnectionFactory broker() throws JMSException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setProperty(ConnectionConfiguration.imqAddressList, "mq://localhost:7676");
        factory.setProperty(ConnectionConfiguration.imqReconnectEnabled, "false");
        return factory;
    }
}
