package io.vantaechonebula.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.fork.TestChains;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.gossip.GossipKind;
import io.vantaechonebula.p2p.handshake.Refusal;
import io.vantaechonebula.p2p.http.HttpPeerClient;
import io.vantaechonebula.p2p.http.JdkHttpHandler;
import io.vantaechonebula.p2p.http.P2pHttpApi;
import io.vantaechonebula.p2p.peer.PeerLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two nodes on loopback ports, talking the protocol over real HTTP through the JDK's server and client. */
class HttpTransportTest {

    private final AtomicLong clock = new AtomicLong(TestChains.GENESIS_TIME + TestChains.BLOCK_TIME);
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService handlers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
        handlers.shutdownNow();
    }

    private SimNode start(String name, List<String> seeds) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String address = "http://127.0.0.1:" + server.getAddress().getPort();
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
        SimNode node = new SimNode(name, address, key, TestChains.params(), clock);
        NetworkSettings settings = new NetworkSettings(address, "basic", "vanta-test", seeds, List.of(), PeerLimits.DEFAULTS,
                NetworkSettings.DEFAULT_MAX_CLOCK_SKEW_MS, 40);
        node.network = new Network(settings, key, node,
                new HttpPeerClient(key, clock::get, HttpPeerClient.CALL_TIMEOUT, node.traffic), Runnable::run, Runnable::run, clock::get);
        server.createContext(P2pHttpApi.BASE, new JdkHttpHandler(new P2pHttpApi(node.network, node.traffic)));
        // As a light node's: a node that calls back a caller answers a hello of the caller's meanwhile.
        server.setExecutor(handlers);
        server.start();
        servers.add(server);
        return node;
    }

    @Test
    void nodesConnectGossipAndSyncOverHttp() throws Exception {
        SimNode a = start("a", List.of());
        for (int i = 0; i < 120; i++) {
            a.mineQuietly();
        }
        SimNode b = start("b", List.of(a.address));

        b.network.maintain();
        assertThat(a.network.connectedPeerCount()).isEqualTo(1);
        assertThat(a.network.peerAddresses()).as("b's address, believed once b answered a's call-back (P7)")
                .containsExactly(b.address);
        assertThat(b.network.peerViews().get(0).latencyMs()).isPresent();
        long receivedBeforeSync = b.traffic.receivedBytes();
        b.network.syncOnce();
        assertThat(b.headHash()).as("synced in batches of 40").isEqualTo(a.headHash());
        assertThat(b.traffic.receivedBytes() - receivedBeforeSync).as("120 blocks' answers, counted by the caller")
                .isGreaterThan(120L * 100);
        assertThat(a.traffic.sentBytes()).as("the same answers, counted by the server").isGreaterThan(120L * 100);
        assertThat(a.traffic.receivedBytes()).as("b's hello, peers and sync requests").isPositive();

        Block next = a.mine();
        assertThat(b.headHash()).isEqualTo(next.hash());
        assertThat(b.network.peerViews().get(0).reputation()).isEqualTo(100);
        assertThat(a.network.peerAddresses()).containsExactly(b.address);
    }

    @Test
    void p12_anAnswerThatTricklesInFailsTheCallOnceItsTimeIsUp() throws Exception {
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        servers.add(slow);
        slow.createContext(P2pHttpApi.BASE, exchange -> {
            exchange.sendResponseHeaders(200, 1_000);
            try (var body = exchange.getResponseBody()) {
                for (int i = 0; i < 1_000; i++) {
                    body.write(' ');
                    body.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException | IOException e) {
                // The caller gave up and closed the connection.
            }
        });
        slow.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        slow.start();
        SimNode caller = start("caller", List.of());
        HttpPeerClient client = new HttpPeerClient(caller.key, clock::get, Duration.ofSeconds(1));

        assertThatThrownBy(() -> client.hello("http://127.0.0.1:" + slow.getAddress().getPort(), caller.network.hello()))
                .as("headers at once, then a byte every 100 ms").isInstanceOf(PeerCallException.class)
                .hasMessageContaining("no whole answer within 1000 ms");
    }

    @Test
    void aRefusalArrivesWithItsReason() throws Exception {
        SimNode a = start("a", List.of());
        HttpPeerClient client = new HttpPeerClient(a.key, clock::get);

        assertThatThrownBy(() -> client.hello(a.address, a.network.hello()))
                .isInstanceOfSatisfying(PeerCallException.class,
                        e -> assertThat(e.refusal()).map(Refusal::reason).contains(Refusal.Reason.SELF));
    }

    @Test
    void unsignedOrMalformedRequestsAreRefusedWithAProblemAndCostTheSender() throws Exception {
        SimNode a = start("a", List.of());
        SimNode b = start("b", List.of(a.address));
        b.network.maintain();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(a.address + "/api/v1/p2p/gossip"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(unsigned.body()).contains("X-Vanta-Signature");

        HttpResponse<String> badHello = http.send(HttpRequest.newBuilder(URI.create(a.address + "/api/v1/p2p/hello"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"protocolVersion\":\"one\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badHello.statusCode()).isEqualTo(400);
        assertThat(badHello.body()).contains("chains is missing");

        var peerOfA = a.network.peerViews().get(0);
        assertThat(peerOfA.nodeId()).isEqualTo(b.network.nodeId());
        Gossip garbage = new Gossip(GossipKind.BLOCK, a.chainId(), new byte[] {1, 2, 3});
        b.network.publish(garbage);
        assertThat(a.network.peerViews().get(0).reputation()).isEqualTo(100 - 20);
    }
}
