package io.vantaechonebula.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.messaging.ConnectionConfiguration;
import com.sun.messaging.ConnectionFactory;
import io.vantaechonebula.agent.tls.TrustedCa;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What {@code ./vanta start} promises an operator on a fresh machine, checked from outside on a fresh
 * run directory: Payara's admin refuses the empty password, the admin, JMX, IIOP and broker ports
 * answer this machine only, secrets are the owner's alone, the broker's stock users are gone and a
 * node's user only produces telemetry, HTTPS answers with the printed CA; {@code ./vanta stop} ends a
 * server that no longer answers; and the database then opens with its generated password only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VantaStartIT {

    private static final Path RUN = Path.of(System.getProperty("vanta.run-dir"));
    private static final Path DOMAIN = RUN.resolve("payara6/glassfish/domains/domain1");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String startOutput;

    @BeforeAll
    static void startOnAFreshRunDirectory() throws Exception {
        for (int port : new int[] {4848, 7676, 7677, 8080, 8181, SeedsPort.PORT}) {
            assertThat(Listeners.anyOn(port)).as("port " + port + " must be free: ./vanta start needs it. Stop what holds it"
                    + " (./vanta stop, or ss -ltnp says who) and run again").isFalse();
        }
        Vanta.deleteTree(RUN);
        Vanta.Result start = Vanta.run(Duration.ofMinutes(12), "start");
        startOutput = start.output();
        assertThat(start.exit()).as("./vanta start said:\n" + startOutput).isZero();
    }

    @AfterAll
    static void stopWhatStarted() throws Exception {
        Vanta.run(Duration.ofMinutes(3), "stop");
    }

    @Test
    @Order(1)
    void printsTheHttpsAddressItsAuthorityAndWhereThePasswordsAre() {
        assertThat(startOutput).contains("https://localhost:8181", RUN.resolve("tls/ca.pem").toString(),
                RUN.resolve("payara-admin.password").toString(), RUN.resolve("admin.password").toString(),
                RUN.resolve("broker.credentials").toString());
    }

    @Test
    @Order(1)
    void printsTheConsoleFirstWithTheAdminsNameAndWhereItsPasswordIs() {
        String afterRunning = startOutput.substring(startOutput.indexOf("VantaEchoNebula is running."));
        String firstAddress = afterRunning.lines().skip(1).findFirst().orElse("");
        assertThat(firstAddress).contains("Console", "http://localhost:8080/console/", "admin",
                RUN.resolve("admin.password").toString());
    }

    @Test
    @Order(1)
    void theSeedsPortTakesTheirTelemetryAndServesNothingElse() throws Exception {
        assertThat(startOutput).contains("POST http://localhost:7000/api/v1/pool/ingest");
        List<String> refused = new ArrayList<>(SeedsPort.APPLICATION_PATHS);
        refused.add("/openapi");
        SeedsPort.takesTheSeedsTelemetryAndServesNothingElse(refused);
    }

    @Test
    @Order(1)
    void payaraAdminRefusesTheEmptyPasswordAndTakesTheGeneratedOne() throws Exception {
        assertThat(adminStatus("")).isEqualTo(401);
        assertThat(adminStatus("admin")).isEqualTo(401);
        String generated = Files.readString(RUN.resolve("payara-admin.password")).strip().replace("AS_ADMIN_PASSWORD=", "");
        assertThat(adminStatus(generated)).isEqualTo(200);
    }

    @Test
    @Order(1)
    void adminJmxIiopAndTheBrokerListenOnLoopbackOnlyAndTheApiEverywhere() throws Exception {
        for (int port : new int[] {4848, 8686, 3700, 7676, 7677}) {
            assertThat(Listeners.addressesOn(port)).as("listeners on port " + port).isNotEmpty()
                    .allSatisfy(address -> assertThat(Listeners.isLoopback(address)).as(address + " on " + port).isTrue());
        }
        for (int port : new int[] {8080, 8181}) {
            assertThat(Listeners.addressesOn(port)).as("listeners on port " + port).isNotEmpty()
                    .anySatisfy(address -> assertThat(Listeners.isLoopback(address)).isFalse());
        }
    }

    @Test
    @Order(1)
    void theHttpListenersHave32ThreadsAndCutARequestOffAfter60Seconds() throws Exception {
        String domain = Files.readString(DOMAIN.resolve("config/domain.xml"));
        Matcher pool = Pattern.compile("<thread-pool name=\"http-thread-pool\"[^>]*>").matcher(domain);
        assertThat(pool.find()).isTrue();
        assertThat(pool.group()).as("the server's HTTP pool, on the first start of a fresh domain").contains("max-thread-pool-size=\"32\"");
        for (String listener : new String[] {"http-listener-1", "http-listener-2"}) {
            Matcher http = Pattern.compile("<protocol [^>]*name=\"" + listener + "\"[^>]*>\\s*<http [^>]*>").matcher(domain);
            assertThat(http.find()).as(listener).isTrue();
            assertThat(http.group()).as(listener).contains("request-timeout-seconds=\"60\"");
        }
    }

    @Test
    @Order(1)
    void secretsAreTheOwnersAlone() throws Exception {
        for (Path secret : new Path[] {RUN.resolve("payara-admin.password"), RUN.resolve("admin.password"),
                RUN.resolve("broker.credentials"), RUN.resolve("db.password"), RUN.resolve("tls/ca.p12"), RUN.resolve("tls/ca.password"),
                RUN.resolve("tls/broker.p12"), RUN.resolve("tls/broker.passfile"), RUN.resolve("tls/broker.password"),
                DOMAIN.resolve("config/domain.xml"), DOMAIN.resolve("imq/instances/imqbroker/etc/passwd")}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).as(secret.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(RUN.resolve("tls")))).isEqualTo("rwx------");
    }

    @Test
    @Order(1)
    void theBrokersStockUsersAreRefused() {
        for (String[] stock : new String[][] {{"guest", "guest"}, {"admin", "admin"}}) {
            assertThatThrownBy(() -> broker().createContext(stock[0], stock[1]).close()).as(stock[0])
                    .isInstanceOf(JMSRuntimeException.class).hasMessageContaining("Login failed");
        }
    }

    @Test
    @Order(1)
    void aNodesUserPutsTelemetryOnNodeDataAndReadsNoQueue() throws Exception {
        Properties credentials = new Properties();
        credentials.load(Files.newBufferedReader(RUN.resolve("broker.credentials")));
        String user = credentials.getProperty("user");
        String password = credentials.getProperty("password");
        try (JMSContext context = broker().createContext(user, password)) {
            for (String queue : new String[] {"NodeData", "NodeDataDLQ", "Training"}) {
                assertThatThrownBy(() -> context.createConsumer(context.createQueue(queue)).receiveNoWait()).as("consume " + queue)
                        .isInstanceOf(JMSRuntimeException.class).hasMessageContaining("permission");
                assertThatThrownBy(() -> context.createBrowser(context.createQueue(queue)).getEnumeration()).as("browse " + queue)
                        .isInstanceOfAny(JMSException.class, JMSRuntimeException.class).hasMessageContaining("permission");
            }
            assertThatThrownBy(() -> context.createProducer().send(context.createQueue("Training"), "{}"))
                    .isInstanceOf(JMSRuntimeException.class).hasMessageContaining("permission");
        }

        for (String broker : new String[] {"mq://localhost:7676", "mqssl://localhost:7676"}) {
            String node = "system-" + Long.toHexString(System.nanoTime());
            Path file = RUN.resolve(node + ".json");
            Files.writeString(file, Vanta.batch(node));
            Vanta.Result send = Vanta.run(Duration.ofMinutes(2), "send", "--jms", broker, "--file", file.toString());
            assertThat(send.exit()).as(broker + ": " + send.output()).isZero();
            assertThat(eventuallyStatus("http://localhost:8080/api/v1/nodes/" + node)).as(broker).isEqualTo(200);
        }
    }

    @Test
    @Order(1)
    void theBrokersTlsServiceRefusesAClientThatDoesNotTrustTheAuthority() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setProperty(ConnectionConfiguration.imqAddressList, "mq://localhost:7676/ssljms");
        factory.setProperty(ConnectionConfiguration.imqReconnectEnabled, "false");
        factory.setProperty(ConnectionConfiguration.imqSSLIsHostTrusted, "false");
        Properties credentials = new Properties();
        credentials.load(Files.newBufferedReader(RUN.resolve("broker.credentials")));

        assertThatThrownBy(() -> factory.createContext(credentials.getProperty("user"), credentials.getProperty("password")).close())
                .isInstanceOf(JMSRuntimeException.class)
                // The handshake's PKIX failure, or, when the client notices it first, the socket the broker closed on it,
                // or the TLS engine the failed handshake closed under the client's first write (JSSE's wording for it)
                // (the same service takes a client that trusts the authority: aNodesUserPutsTelemetryOnNodeData…).
                .satisfies(refusal -> assertThat(causes(refusal)).containsAnyOf("PKIX", "Socket is closed",
                        "Connection or outbound has closed"));
    }

    @Test
    @Order(1)
    void httpsAnswersWithThePrintedAuthorityAndIsRefusedWithoutIt() throws Exception {
        HttpClient trusting = HttpClient.newBuilder().sslContext(TrustedCa.contextTrusting(RUN.resolve("tls/ca.pem"))).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("https://localhost:8181/health/ready")).build();

        assertThat(trusting.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> HTTP.send(ready, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class).hasMessageContaining("PKIX");
    }

    @Test
    @Order(2)
    void stopEndsAServerThatNoLongerAnswers() throws Exception {
        long pid = Long.parseLong(Files.readString(DOMAIN.resolve("config/pid")).strip());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        Vanta.signal("STOP", pid);

        Vanta.Result stop = Vanta.run(Duration.ofMinutes(2), Map.of("VANTA_STOP_GRACE", "10"), "stop");

        assertThat(stop.exit()).as(stop.output()).isZero();
        assertThat(stop.output()).contains("did not stop within 10 s", "ending its process " + pid);
        assertThat(server.isAlive()).isFalse();
    }

    @Test
    @Order(3)
    void theDatabaseTakesItsGeneratedPasswordOnly() throws Exception {
        String url = "jdbc:h2:" + DOMAIN.resolve("lib/databases/vanta");
        String generated = Files.readString(RUN.resolve("db.password")).strip();
        try (URLClassLoader h2 = new URLClassLoader(new URL[] {RUN.resolve("payara6/h2db/bin/h2.jar").toUri().toURL()})) {
            Driver driver = (Driver) h2.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();

            assertThatThrownBy(() -> driver.connect(url, login("vanta")).close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Wrong user name or password");
            try (Connection connection = driver.connect(url, login(generated))) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    private static Properties login(String password) {
        Properties login = new Properties();
        login.setProperty("user", "vanta");
        login.setProperty("password", password);
        return login;
    }

    /** The messages of an exception and of everything it links to or was caused by. */
    private static String causes(Throwable thrown) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause() != null ? t.getCause()
                : t instanceof JMSException jms ? jms.getLinkedException() : null) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    private static int adminStatus(String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:4848/management/domain"))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int eventuallyStatus(String url) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        int status;
        do {
            status = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return status;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        return status;
    }

    private static ConnectionFactory broker() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setProperty(ConnectionConfiguration.imqAddressList, "mq://localhost:7676");
        factory.setProperty(ConnectionConfiguration.imqReconnectEnabled, "false");
        return factory;
    }
}
