package io.vantaechonebula.agent.light;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LightNodeTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private static LightNodeOptions options(Path state, List<String> seeds) {
        return new LightNodeOptions(state, "basic", "vanta-test", "127.0.0.1", 0, "127.0.0.1", seeds, List.of(), false, 1, 10, 1L << 30);
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
    void onlyTheBasicModeRunsForNow() {
        assertThatThrownBy(() -> new LightNodeOptions(dir, "simple", "vanta-test", "127.0.0.1", 0, "127.0.0.1", List.of(),
                List.of(), false, 1, 10, 1L << 30)).hasMessageContaining("mode basic");
    }
}
