package io.vantaechonebula.agent.light;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantaechonebula.analysis.tx.WatchReport;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.KeyFile;
import io.vantaechonebula.chain.json.TransactionJson;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.p2p.alert.Reason;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LightNodeTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private static final List<String> BOTH = List.of("testnet", "mainnet");

    private static LightNodeOptions options(Path state, List<String> seeds) {
        return options(state, seeds, BOTH);
    }

    private static LightNodeOptions options(Path state, List<String> seeds, List<String> chains) {
        return new LightNodeOptions(state, "basic", "vanta-test", "127.0.0.1", 0, "127.0.0.1", seeds, List.of(), false, 1, 10,
                1L << 30, chains);
    }

    private JsonObject get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private JsonObject eventually(String url, Predicate<JsonObject> condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonObject answer = get(url);
        while (!condition.test(answer) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            answer = get(url);
        }
        return answer;
    }

    @Test
    void twoLightNodesFindEachOtherAndAnswerAsTheSystem() throws Exception {
        Ed25519PrivateKey keyA = Ed25519PrivateKey.generate(new SecureRandom());
        try (LightNode a = LightNode.start(options(dir.resolve("a"), List.of()), keyA);
             LightNode b = LightNode.start(options(dir.resolve("b"), List.of(a.address())),
                     Ed25519PrivateKey.generate(new SecureRandom()))) {
            JsonObject status = get(a.address() + "/api/v1/system/status");
            assertThat(status.getString("system")).isEqualTo("VantaEchoNebula");
            assertThat(status.getString("nodeId")).isEqualTo(a.nodeId());
            assertThat(status.getJsonArray("chains")).hasSize(2);

            JsonObject peersOfA = eventually(a.address() + "/api/v1/peers", peers -> peers.getInt("connected") == 1);
            assertThat(peersOfA.getJsonArray("peers").getJsonObject(0).getString("nodeId")).isEqualTo(b.nodeId());
            assertThat(peersOfA.getJsonArray("peers").getJsonObject(0).getString("state")).isEqualTo("connected");
            assertThat(b.peerReading().peers()).isEqualTo(1);
            assertThat(b.chainReadings()).extracting(reading -> reading.chainId()).containsExactly("testnet", "mainnet");
        }
    }

    @Test
    void p6_clientsThatSendTheirRequestsSlowlyAreCutOffAndTheNodeAnswersOthers() throws Exception {
        try (LightNode node = LightNode.start(options(dir.resolve("a"), List.of()), Ed25519PrivateKey.generate(new SecureRandom()))) {
            URI uri = URI.create(node.address());
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket socket = new Socket(uri.getHost(), uri.getPort());
                    socket.getOutputStream().write(("POST /api/v1/p2p/hello HTTP/1.1\r\nHost: a\r\nContent-Length: 8000\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
                    slow.add(socket);
                }
                HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(node.address() + "/api/v1/system/status"))
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(status.statusCode()).as("eight half-sent hellos hold the node's four threads until cut off")
                        .isEqualTo(200);
                for (Socket socket : slow) {
                    assertThat(closedByTheNode(socket)).as("the slow client's connection").isTrue();
                }
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    /** Whether the other end closed the connection (an end of stream, or a reset), within a minute. */
    private static boolean closedByTheNode(Socket socket) throws IOException {
        socket.setSoTimeout(60_000);
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketException e) {
            return true;
        }
    }

    @Test
    void aStoppedNodeReleasesItsStoreAndOpensItAgain() throws Exception {
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
        String head;
        try (LightNode node = LightNode.start(options(dir.resolve("n"), List.of()), key)) {
            head = node.heads().get(0).head().toString();
        }
        try (LightNode again = LightNode.start(options(dir.resolve("n"), List.of()), key)) {
            assertThat(again.heads().get(0).head().toString()).isEqualTo(head);
        }
    }

    @Test
    void aLightNodeRunsInModeBasicOrSimpleOnly() {
        assertThatThrownBy(() -> new LightNodeOptions(dir, "full", "vanta-test", "127.0.0.1", 0, "127.0.0.1", List.of(),
                List.of(), false, 1, 10, 1L << 30, BOTH)).hasMessageContaining("mode basic (chains) or simple");
    }

    @Test
    void aNodeOnOneNetworkRunsThatChainOnlyAndRefusesTheOther() throws Exception {
        try (LightNode node = LightNode.start(options(dir.resolve("t"), List.of(), List.of("testnet")),
                Ed25519PrivateKey.generate(new SecureRandom()))) {
            JsonObject status = get(node.address() + "/api/v1/system/status");
            assertThat(status.getJsonArray("chains")).hasSize(1);
            assertThat(node.chainReadings()).extracting(reading -> reading.chainId()).containsExactly("testnet");
            assertThat(post(node.address() + "/api/v1/chains/mainnet/transactions", "{}").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aSimpleNodeAlertsItsPeersAndReportsADoubleSpendAttempt() throws Exception {
        // The published development account, funded in testnet's genesis.
        Ed25519PrivateKey sender = KeyFile.read(Path.of("..", "config", "chains", "testnet-dev.key"));
        Ed25519PrivateKey empty = Ed25519PrivateKey.generate(new SecureRandom());
        Address merchant = Ed25519PrivateKey.generate(new SecureRandom()).publicKey().address();
        try (LightNode a = LightNode.start(simple(dir.resolve("a"), List.of()), Ed25519PrivateKey.generate(new SecureRandom()));
             LightNode b = LightNode.start(simple(dir.resolve("b"), List.of(a.address())),
                     Ed25519PrivateKey.generate(new SecureRandom()))) {
            // b called a; a gossips to b once it has called b back where b says it is (P7).
            eventually(a.address() + "/api/v1/peers", peers -> peers.getInt("connected") == 1
                    && peers.getJsonArray("peers").getJsonObject(0).getString("address").equals(b.address()));
            String testnet = a.heads().get(0).chainId();

            // P11: an empty account's attempt costs its sender nothing, so the analyzer does not keep it.
            for (Address to : List.of(merchant, empty.publicKey().address())) {
                HttpResponse<String> answer = post(a.address() + "/api/v1/chains/testnet/transactions",
                        TransactionJson.signed(Transaction.transfer(empty, testnet, to, 900, 2_000, 0)).toString());
                assertThat(answer.statusCode()).isEqualTo(400);
                assertThat(answer.body()).contains("\"reason\":\"insufficient_balance\"");
            }
            // As a user would send them: the second spends the first's nonce on the sender itself, and the mempool
            // refuses it; the analyzer sees both first.
            HttpResponse<String> pay = post(a.address() + "/api/v1/chains/testnet/transactions",
                    TransactionJson.signed(Transaction.transfer(sender, testnet, merchant, 900, 2_000, 0)).toString());
            assertThat(pay.statusCode()).as(pay.body()).isEqualTo(202);
            HttpResponse<String> again = post(a.address() + "/api/v1/chains/testnet/transactions", TransactionJson.signed(
                    Transaction.transfer(sender, testnet, sender.publicKey().address(), 900, 2_000, 0)).toString());
            assertThat(again.statusCode()).as(again.body()).isEqualTo(400);

            assertThat(a.raisedAlert()).isTrue();
            WatchReport seenByA = a.chainReadings().get(0).transactionAnalysis().orElseThrow();
            assertThat(seenByA.analysed()).isEqualTo(2);
            assertThat(seenByA.raised()).singleElement().satisfies(alert -> {
                assertThat(alert.reasons()).containsExactly(Reason.NONCE_CONFLICT);
                assertThat(alert.sender()).isEqualTo(sender.publicKey().address());
            });
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            long heard = 0;
            while (heard == 0 && Instant.now().isBefore(deadline)) {
                heard = b.chainReadings().get(0).transactionAnalysis().orElseThrow().heardFromPeers();
                Thread.sleep(100);
            }
            assertThat(heard).as("alerts b heard from its peer").isEqualTo(1);
        }
    }

    @Test
    void aLightNodeTakesItsUsersTransactionsAndSaysWhatIsWrong() throws Exception {
        try (LightNode node = LightNode.start(options(dir.resolve("n"), List.of()), Ed25519PrivateKey.generate(new SecureRandom()))) {
            HttpResponse<String> notJson = post(node.address() + "/api/v1/chains/testnet/transactions", "{nope");
            assertThat(notJson.statusCode()).isEqualTo(400);
            assertThat(notJson.body()).contains("not JSON");
            assertThat(post(node.address() + "/api/v1/chains/devnet/transactions", "{}").statusCode()).isEqualTo(404);
            JsonObject head = get(node.address() + "/api/v1/chains/testnet/head");
            assertThat(head.getString("chainId")).isEqualTo(node.heads().get(0).chainId());
            assertThat(head.getJsonNumber("height").longValue()).isEqualTo(node.heads().get(0).height());
            HttpResponse<String> unsigned = post(node.address() + "/api/v1/chains/mainnet/transactions", "{\"type\":\"transfer\"}");
            assertThat(unsigned.statusCode()).isEqualTo(400);
            assertThat(unsigned.body()).contains("transaction-rejected");
        }
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static LightNodeOptions simple(Path state, List<String> seeds) {
        return new LightNodeOptions(state, "simple", "vanta-test", "127.0.0.1", 0, "127.0.0.1", seeds, List.of(), false, 1, 10,
                1L << 30, BOTH);
    }
}
