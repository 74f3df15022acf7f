package io.vantaechonebula.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.block.BlockHeader;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.crypto.KeyFile;
import io.vantaechonebula.chain.genesis.Genesis;
import io.vantaechonebula.chain.json.TransactionJson;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.params.ChainParamsFile;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.tx.TransactionType;
import io.vantaechonebula.p2p.Network;
import io.vantaechonebula.p2p.PeerCallException;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.gossip.GossipKind;
import io.vantaechonebula.p2p.handshake.ChainHead;
import io.vantaechonebula.p2p.handshake.Hello;
import io.vantaechonebula.p2p.handshake.Refusal;
import io.vantaechonebula.p2p.handshake.SignedRequest;
import io.vantaechonebula.p2p.http.HttpPeerClient;
import io.vantaechonebula.p2p.http.WireJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server in the peer-to-peer network: a light node process joins it and syncs, a peer that lies is
 * banned, the server and two mining light node processes (one basic, one simple) converge on one
 * chain, and the server with two light node processes, all three staked, finalise blocks together.
 */
@ExtendWith(ArquillianExtension.class)
class PeerNetworkIT {

    private static final Pattern SERVES = Pattern.compile("serves peers at (http://\\S+) ");
    private static final Path NODE_LOGS = Path.of("target", "light-node-logs");
    private static final Map<Process, Path> LOGS = new ConcurrentHashMap<>();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return VantaEar.asBuilt();
    }

    @TempDir
    Path state;

    @Test
    void aLightNodeJoinsSyncsAndAfterAKillComesBackWithItsChain() throws Exception {
        Process node = startLightNode();
        String address = addressOf(node);
        long synced;
        try {
            JsonObject status = get(address + "/api/v1/system/status");
            String lightId = status.getString("nodeId");
            JsonObject asPeer = Api.eventually(PeerNetworkIT::serverPeers, peers -> peer(peers, lightId)
                    .filter(p -> p.getString("state").equals("connected") && !p.isNull("latencyMs")).isPresent());
            assertThat(peer(asPeer, lightId)).as("the server pinged the light node").hasValueSatisfying(p -> {
                assertThat(p.getString("address")).isEqualTo(address);
                assertThat(p.getString("mode")).isEqualTo("basic");
                assertThat(p.getInt("reputation")).isEqualTo(100);
            });
            long serverHeight = Api.get("/api/v1/chains/testnet/head").object().getJsonNumber("height").longValue();
            assertThat(serverHeight).as("the server mines testnet").isPositive();
            JsonObject lightPeers = Api.eventually(() -> get(address + "/api/v1/peers"),
                    peers -> testnetSync(peers).getJsonNumber("localHeight").longValue() >= serverHeight);
            synced = testnetSync(lightPeers).getJsonNumber("localHeight").longValue();
            assertThat(synced).as("the light node synced the server's testnet").isGreaterThanOrEqualTo(serverHeight);
            JsonObject sync = Api.get("/health/ready").object().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(check -> check.getString("name").equals("sync")).findFirst().orElseThrow();
            assertThat(sync.getString("status")).isEqualTo("UP");
            // Payara writes health data as text.
            assertThat(Long.parseLong(sync.getJsonObject("data").get("peers").toString().replace("\"", ""))).isPositive();
        } finally {
            node.destroyForcibly();
            node.waitFor(20, TimeUnit.SECONDS);
        }

        Process again = startLightNode();
        try {
            JsonObject status = get(addressOf(again) + "/api/v1/system/status");
            long height = status.getJsonArray("chains").getJsonObject(0).getJsonNumber("height").longValue();
            assertThat(height).as("what it had before kill -9").isGreaterThanOrEqualTo(synced);
        } finally {
            again.destroy();
            again.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void p6_thirtyTwoHellosOfTwentyMebibytesAreRefusedUnreadAndTheServerStaysReady() throws Exception {
        byte[] junk = new byte[20 << 20];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            HttpRequest hello = HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/p2p/hello"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(junk)).build();
            // Refused before it is read: the answer is 413, or the server closes the upload it will not read.
            answers.add(http.sendAsync(hello, HttpResponse.BodyHandlers.discarding()).handle((response, failure) ->
                    failure == null ? response.statusCode() : -1));
        }
        for (CompletableFuture<Integer> answer : answers) {
            assertThat(answer.get(90, TimeUnit.SECONDS)).as("413 or the upload cut off").isIn(413, -1);
        }

        Api.Answer ready = Api.get("/health/ready");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
        ChainParams testnet = ChainParamsFile.bundled("testnet", PeerNetworkIT.class.getClassLoader());
        List<ChainHead> chains = List.of(new ChainHead(testnet.chainId(), Genesis.block(testnet).hash(), 0,
                Genesis.block(testnet).hash(), BigInteger.ONE));
        assertThat(new HttpPeerClient(key, System::currentTimeMillis).hello(Api.BASE,
                Hello.signed(key, Network.PROTOCOL_VERSION, "", "basic", "it-after-the-flood", chains, System.currentTimeMillis())).nodeId())
                .as("an honest hello is still answered").isNotEmpty();
    }

    @Test
    void p7_twelveFreshKeysCallingFromTwelveLoopbackAddressesDoNotKeepALightNodeOut() throws Exception {
        ChainParams testnet = ChainParamsFile.bundled("testnet", PeerNetworkIT.class.getClassLoader());
        List<ChainHead> chains = List.of(new ChainHead(testnet.chainId(), Genesis.block(testnet).hash(), 0,
                Genesis.block(testnet).hash(), BigInteger.ONE));
        URI server = URI.create(Api.BASE);
        for (int i = 0; i < 12; i++) {
            Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
            Hello hello = Hello.signed(key, Network.PROTOCOL_VERSION, "", "basic", "it-eclipse", chains, System.currentTimeMillis());
            String from = "127.0.0." + (i + 2);
            assertThat(postFrom(from, server, "/api/v1/p2p/hello", WireJson.bytes(WireJson.hello(hello))))
                    .as("the hello of a fresh key from " + from).isIn(200, 503);
        }
        long serverHeight = Api.get("/api/v1/chains/testnet/head").object().getJsonNumber("height").longValue();

        Process node = startLightNode("after-the-eclipse");
        try {
            String address = addressOf(node);
            String lightId = get(address + "/api/v1/system/status").getString("nodeId");
            JsonObject peers = Api.eventually(PeerNetworkIT::serverPeers, all -> peer(all, lightId)
                    .filter(p -> p.getString("state").equals("connected")).isPresent(), Duration.ofMinutes(1));
            assertThat(peer(peers, lightId)).as("the light node is the server's peer").isPresent();
            JsonObject synced = Api.eventually(() -> get(address + "/api/v1/peers"),
                    own -> testnetSync(own).getJsonNumber("localHeight").longValue() >= serverHeight, Duration.ofMinutes(1));
            assertThat(testnetSync(synced).getJsonNumber("localHeight").longValue()).as("synced within a minute")
                    .isGreaterThanOrEqualTo(serverHeight);
        } finally {
            node.destroy();
            node.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /**
     * POSTs the body from the local address {@code from} (any of 127/8 on Linux), as a stranger at another
     * address would; the answer's status.
     */
    private static int postFrom(String from, URI server, String path, byte[] body) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            String host = server.getHost().equals("localhost") ? "127.0.0.1" : server.getHost();
            socket.connect(new InetSocketAddress(host, server.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + server.getAuthority()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).as("an HTTP status line").startsWith("HTTP/1.1 ");
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void p11_peersAreListedAPageAtATime() throws Exception {
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
        ChainParams testnet = ChainParamsFile.bundled("testnet", PeerNetworkIT.class.getClassLoader());
        List<ChainHead> chains = List.of(new ChainHead(testnet.chainId(), Genesis.block(testnet).hash(), 0,
                Genesis.block(testnet).hash(), BigInteger.ONE));
        new HttpPeerClient(key, System::currentTimeMillis)
                .hello(Api.BASE, Hello.signed(key, Network.PROTOCOL_VERSION, "", "basic", "it-pager", chains, System.currentTimeMillis()));

        JsonObject page = Api.get("/api/v1/peers?limit=1").object();
        assertThat(page.getJsonArray("peers")).hasSize(1);
        assertThat(page.getInt("total")).isGreaterThanOrEqualTo(1);
        assertThat(page.getInt("limit")).isEqualTo(1);
        JsonObject past = Api.get("/api/v1/peers?offset=" + page.getInt("total")).object();
        assertThat(past.getJsonArray("peers")).isEmpty();
        Api.Answer bad = Api.get("/api/v1/peers?offset=-1");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("'offset' must be a whole number from 0");
    }

    @Test
    void s3_aHelloClaimingHeightTwoToTheSixtySecondLeavesTheServerReady() throws Exception {
        ChainParams testnet = ChainParamsFile.bundled("testnet", PeerNetworkIT.class.getClassLoader());
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
        Hash unheardOf = Hash.sha256(new byte[] {62});
        List<ChainHead> chains = List.of(new ChainHead(testnet.chainId(), Genesis.block(testnet).hash(), 1L << 62, unheardOf,
                BigInteger.ONE.shiftLeft(300)));
        new HttpPeerClient(key, System::currentTimeMillis)
                .hello(Api.BASE, Hello.signed(key, Network.PROTOCOL_VERSION, "", "basic", "it-tall-tale", chains, System.currentTimeMillis()));
        assertThat(peer(serverPeers(), key.publicKey().address().hex())).as("taken as a peer").isPresent();

        Api.Answer ready = Api.get("/health/ready");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        JsonObject sync = ready.object().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("sync")).findFirst().orElseThrow();
        assertThat(sync.getString("status")).isEqualTo("UP");
        assertThat(sync.getJsonObject("data").getString(testnet.chainId())).doesNotContain(String.valueOf(1L << 62));
    }

    @Test
    void aPeerThatSendsInvalidBlocksIsBannedAndRefused() throws Exception {
        ChainParams testnet = ChainParamsFile.bundled("testnet", PeerNetworkIT.class.getClassLoader());
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
        JsonObject head = Api.get("/api/v1/chains/testnet/head").object();
        Hash headHash = Hash.fromHex(head.getString("hash"));
        long height = head.getJsonNumber("height").longValue();
        List<ChainHead> chains = List.of(new ChainHead(testnet.chainId(), Genesis.block(testnet).hash(), 0, Genesis.block(testnet).hash(),
                BigInteger.ONE));
        // No address: the server cannot call back, so it keeps it as a peer only for what it sends.
        Hello hello = Hello.signed(key, Network.PROTOCOL_VERSION, "", "basic", "it-liar", chains, System.currentTimeMillis());
        HttpPeerClient client = new HttpPeerClient(key, System::currentTimeMillis);
        client.hello(Api.BASE, hello);

        for (int i = 0; i < 2; i++) {
            BlockHeader forged = new BlockHeader(BlockHeader.VERSION, testnet.chainId(), height + 1, headHash,
                    System.currentTimeMillis() + i, Hash.sha256(new byte[] {(byte) i}), Hash.ZERO, BigInteger.ONE,
                    key.publicKey().address(), 0);
            HttpResponse<String> answer = signedPost(key, "/api/v1/p2p/gossip",
                    WireJson.gossip(new Gossip(GossipKind.BLOCK, testnet.chainId(), new Block(forged, List.of()).encode())));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        }

        JsonObject peers = serverPeers();
        assertThat(peer(peers, hello.nodeId())).hasValueSatisfying(p -> {
            assertThat(p.getString("state")).isEqualTo("banned");
            assertThat(p.getString("lastProblem")).contains("INVALID_BLOCK");
            assertThat(p.containsKey("bannedUntil")).isTrue();
        });
        Hello again = Hello.signed(key, Network.PROTOCOL_VERSION, "", "basic", "it-liar", chains, System.currentTimeMillis());
        assertThatThrownBy(() -> client.hello(Api.BASE, again)).isInstanceOfSatisfying(PeerCallException.class,
                e -> assertThat(e.refusal()).map(Refusal::reason).contains(Refusal.Reason.BANNED));
    }

    @Test
    void theServerAndTwoLightNodesFinaliseTogetherStopWithoutAThirdAndRecoverWhenItReturnsOrResumes() throws Exception {
        ChainParams testnet = ChainParamsFile.bundled("testnet", PeerNetworkIT.class.getClassLoader());
        long stake = testnet.staking().minStake();
        Ed25519PrivateKey dev = KeyFile.read(Path.of("..", "config", "chains", "testnet-dev.key"));
        Ed25519PrivateKey server = KeyFile.read(ServerControl.configDir().resolve("vanta-node.key"));
        List<Process> nodes = new ArrayList<>(List.of(startLightNode("va"), startLightNode("vb")));
        try {
            List<Ed25519PrivateKey> keys = new ArrayList<>();
            for (String name : List.of("va", "vb")) {
                addressOf(nodes.get(keys.size()));
                keys.add(KeyFile.read(state.resolve(name).resolve("node.key")));
            }
            // The server's key earns what the server mines, which may not be a stake yet: other miners take blocks too.
            if (account(server.publicKey().address()).getJsonNumber("balance").longValue() < 2 * stake) {
                keys.add(server);
            }
            for (Ed25519PrivateKey key : keys) {
                included(Transaction.transfer(dev, testnet.chainId(), key.publicKey().address(), 2 * stake, 2_000,
                        nextNonce(dev.publicKey().address())));
            }
            if (!keys.contains(server)) {
                keys.add(server);
            }
            long lastRegistration = 0;
            for (Ed25519PrivateKey key : keys) {
                Address address = key.publicKey().address();
                if (account(address).getJsonNumber("stake").longValue() == 0) {
                    lastRegistration = included(Transaction.sign(key, testnet.chainId(), TransactionType.VALIDATOR_REGISTER,
                            address, stake, 2_000, nextNonce(address), new byte[0]));
                    assertThat(account(address).getJsonNumber("stakeSince").longValue()).as("V9, through the server's store")
                            .isEqualTo(lastRegistration);
                }
            }
            List<String> validators = keys.stream().map(key -> key.publicKey().address().hex()).toList();
            long registered = lastRegistration;

            // The stakes vote from validator-delay-blocks (6 on testnet) after their block (docs/chain-spec.md FN1).
            JsonObject together = Api.eventually(() -> Api.get("/api/v1/chains/testnet/finality").object(),
                    f -> f.getJsonNumber("finalHeight").longValue() > registered && voters(f).containsAll(validators),
                    Duration.ofMinutes(3));
            assertThat(voters(together)).as("a certificate signed by all three").containsAll(validators);
            long finalTogether = together.getJsonNumber("finalHeight").longValue();
            assertThat(Api.get("/api/v1/chains/testnet/blocks/" + finalTogether + "/finality").object().getBoolean("final"))
                    .isTrue();
            assertThat(Api.get("/api/v1/chains/testnet/validators").object().getJsonArray("validators")
                    .getValuesAs(JsonObject.class)).extracting(v -> v.getString("address")).containsAll(validators);

            nodes.get(0).destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            Api.sleep(8_000);
            long stalled = finalHeight();
            long headThen = Api.get("/api/v1/chains/testnet/head").object().getJsonNumber("height").longValue();
            Api.sleep(12_000);
            assertThat(finalHeight()).as("two thirds of the stake is not more than two thirds (FN2)").isEqualTo(stalled);

            nodes.set(0, startLightNode("va"));
            String returned = addressOf(nodes.get(0));
            // A fresh JVM, a sync past the blocks mined meanwhile, then its votes: minutes on a busy 2-core machine.
            long resumed = Api.eventually(PeerNetworkIT::finalHeight, height -> height > Math.max(stalled, headThen),
                    Duration.ofMinutes(3));
            assertThat(resumed).as("the third is back: it syncs, votes, and finality moves on; the server's finality: %s%s",
                    Api.get("/api/v1/chains/testnet/finality").object(), lastLines(nodes.get(0))).isGreaterThan(stalled);

            // P12: paused for 30 s while the server mines and gossips, then resumed, it is back within a minute.
            signal(nodes.get(0), "STOP");
            try {
                Api.sleep(30_000);
            } finally {
                signal(nodes.get(0), "CONT");
            }
            long pausedAt = Api.get("/api/v1/chains/testnet/head").object().getJsonNumber("height").longValue();
            List<String> heads = Api.eventually(() -> testnetHeads(List.of(returned)),
                    found -> found.stream().distinct().count() == 1, Duration.ofMinutes(1));
            assertThat(heads).as("the server's and the resumed node's testnet heads").containsOnly(heads.get(0));
            long afterPause = Api.eventually(PeerNetworkIT::finalHeight, height -> height > pausedAt, Duration.ofMinutes(1));
            assertThat(afterPause).as("finality goes on past the height the pause ended at; the server's finality: %s%s%s",
                    Api.get("/api/v1/chains/testnet/finality").object(), lastLines(nodes.get(0)), lastLines(nodes.get(1)))
                    .isGreaterThan(pausedAt);
        } finally {
            for (Process node : nodes) {
                node.destroy();
                node.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theServerAndTwoMiningLightNodesOneOfThemSimpleConvergeOnOneChain() throws Exception {
        List<Process> nodes = List.of(startLightNode("ma", "basic", true), startLightNode("mb", "simple", true));
        try {
            List<String> addresses = new ArrayList<>();
            List<String> miners = new ArrayList<>();
            for (String name : List.of("ma", "mb")) {
                addresses.add(addressOf(nodes.get(addresses.size())));
                miners.add(KeyFile.read(state.resolve(name).resolve("node.key")).publicKey().address().hex());
            }

            List<String> recentMiners = Api.eventually(PeerNetworkIT::recentTestnetMiners, found -> found.containsAll(miners),
                    Duration.ofMinutes(4));
            assertThat(recentMiners).as("blocks of both light nodes on the server's main chain").containsAll(miners);
            List<String> heads = Api.eventually(() -> testnetHeads(addresses), found -> found.stream().distinct().count() == 1,
                    Duration.ofMinutes(2));
            assertThat(heads).as("the server's and both light nodes' testnet heads").hasSize(3).containsOnly(heads.get(0));
            assertThat(peer(serverPeers(), miners.get(1)).orElseThrow().getString("mode")).isEqualTo("simple");
        } finally {
            for (Process node : nodes) {
                node.destroy();
                node.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    /** Sends the process a signal ({@code STOP}, {@code CONT}) as {@code kill} does. */
    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -" + signal).isTrue();
    }

    /** Who mined the server's last 100 testnet blocks. */
    private static List<String> recentTestnetMiners() {
        return Api.get("/api/v1/chains/testnet/blocks?limit=100").array().getValuesAs(JsonObject.class).stream().map(block -> block.getString("miner")).distinct().toList();
    }

    /** The testnet head hashes of the server and of the light nodes at these addresses, as one look finds them. */
    private static List<String> testnetHeads(List<String> lightNodes) {
        List<String> heads = new ArrayList<>();
        heads.add(Api.get("/api/v1/chains/testnet/head").object().getString("hash"));
        for (String address : lightNodes) {
            heads.add(get(address + "/api/v1/system/status").getJsonArray("chains").getJsonObject(0).getString("head"));
        }
        return heads;
    }

    private static List<String> voters(JsonObject finality) {
        return finality.containsKey("certificate")
                ? finality.getJsonObject("certificate").getJsonArray("votes").getValuesAs(JsonObject.class).stream()
                        .map(vote -> vote.getString("validator")).toList()
                : List.of();
    }

    private static long finalHeight() {
        return Api.get("/api/v1/chains/testnet/finality").object().getJsonNumber("finalHeight").longValue();
    }

    private static JsonObject account(Address address) {
        return Api.get("/api/v1/chains/testnet/accounts/" + address.hex()).object();
    }

    /** Submits the transaction and waits until a block includes it; its height. */
    private static long included(Transaction tx) {
        Api.Answer answer = Api.post("/api/v1/chains/testnet/transactions", TransactionJson.signed(tx).toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        JsonObject status = Api.eventually(() -> Api.get("/api/v1/chains/testnet/transactions/" + tx.id()).object(),
                s -> s.getString("status").equals("included"));
        assertThat(status.getString("status")).isEqualTo("included");
        return status.getJsonNumber("blockHeight").longValue();
    }

    private static long nextNonce(Address address) {
        return Api.get("/api/v1/chains/testnet/accounts/" + address.hex()).object().getJsonNumber("nextNonce").longValue();
    }

    private static HttpResponse<String> signedPost(Ed25519PrivateKey key, String path, JsonObject body) throws Exception {
        byte[] bytes = WireJson.bytes(body);
        String server = Api.get("/api/v1/system/status").object().getString("nodeId");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        SignedRequest.sign(key, server, "POST", path, System.currentTimeMillis(), bytes).headers().forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Process startLightNode() throws Exception {
        return startLightNode("light");
    }

    /** A light node process named {@code name}, its state under this test's folder, not mining, seeded with the server. */
    private Process startLightNode(String name) throws Exception {
        return startLightNode(name, "basic", false);
    }

    private Process startLightNode(String name, String mode, boolean mining) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"),
                "io.vantaechonebula.agent.VantaCommand", "node", "--name", "it-" + name,
                "--state-dir", state.resolve(name).toString(), "--pool", Api.BASE, "--transport", "http",
                "--mode", mode, "--mining", Boolean.toString(mining), "--seeds", Api.BASE, "--sync-interval", "1"));
        Files.createDirectories(NODE_LOGS);
        Path log = NODE_LOGS.resolve(name + "-" + System.currentTimeMillis() + ".log");
        Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LOGS.put(node, log);
        return node;
    }

    /** Where the light node serves peers, as it says in its log once it does. */
    private static String addressOf(Process node) throws Exception {
        Path log = LOGS.get(node);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
                Optional<String> address = lines.map(SERVES::matcher).filter(Matcher::find).map(found -> found.group(1)).findFirst();
                if (address.isPresent()) {
                    return address.get();
                }
            }
            if (!node.isAlive()) {
                throw new AssertionError("the light node ended without saying where it serves (exit " + node.exitValue() + "): "
                        + lastLines(node));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the light node did not say where it serves within 2 minutes: " + lastLines(node));
    }

    /** The end of the light node's log (all of it is under target/light-node-logs), for a failure's message. */
    private static String lastLines(Process node) {
        Path log = LOGS.get(node);
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n--- " + log + ", its last lines:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (java.io.IOException e) {
            return "(its log " + log + " could not be read: " + e.getMessage() + ")";
        }
    }

    private static JsonObject serverPeers() {
        Api.Answer answer = Api.get("/api/v1/peers");
        assertThat(answer.status()).isEqualTo(200);
        return answer.object();
    }

    private static Optional<JsonObject> peer(JsonObject peers, String nodeId) {
        return peers.getJsonArray("peers").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("nodeId").equals(nodeId)).findFirst();
    }

    private static JsonObject testnetSync(JsonObject peers) {
        return peers.getJsonArray("sync").getJsonObject(0);
    }

    private static JsonObject get(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.createReader(new StringReader(response.body())).readObject();
        } catch (Exception e) {
            throw new IllegalStateException("GET " + url + " failed: " + e.getMessage(), e);
        }
    }
}
