package io.vantaechonebula.agent.light;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vantaechonebula.analysis.tx.TransactionWatch;
import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.params.ChainParamsFile;
import io.vantaechonebula.chain.pow.MiningLoop;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.node.running.ChainGossip;
import io.vantaechonebula.node.running.RunningChains;
import io.vantaechonebula.node.running.SignedVotesFile;
import io.vantaechonebula.node.running.StorageLimit;
import io.vantaechonebula.p2p.Network;
import io.vantaechonebula.p2p.NetworkSettings;
import io.vantaechonebula.p2p.handshake.ChainHead;
import io.vantaechonebula.p2p.http.HttpPeerClient;
import io.vantaechonebula.p2p.http.JdkHttpHandler;
import io.vantaechonebula.p2p.http.P2pHttpApi;
import io.vantaechonebula.p2p.http.PeersJson;
import io.vantaechonebula.p2p.peer.PeerLimits;
import io.vantaechonebula.p2p.sync.SyncStatus;
import io.vantaechonebula.telemetry.collector.ChainReading;
import io.vantaechonebula.telemetry.collector.PeerReading;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.mvstore.MVStore;

/**
 * A light node (docs/p2p-spec.md, docs/pool.md): testnet and mainnet on a store file in its state
 * directory, the peer-to-peer protocol on the JDK's HTTP server, and a miner per chain if mining is
 * on. In mode simple it also runs the Transaction Analyzer, alerting its peers and the pool, and the
 * network optimizer. It serves {@code /api/v1/p2p/*}, {@code /api/v1/peers}, {@code /api/v1/system/status}
 * and, for its users, {@code GET /api/v1/chains/{chain}/head} and {@code POST /api/v1/chains/{chain}/transactions}.
 */
public final class LightNode implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LightNode.class.getName());
    /** MVStore's page cache in MiB: small, for a node that must live in a 128 MiB heap. */
    private static final int CACHE_MIB = 8;
    /**
     * P6, P12: the seconds the JDK's HTTP server gives a client to send its whole request, and to take its whole
     * answer, before it closes the connection; so that four slow clients cannot hold the node's four threads.
     * Read once, when the first server of the JVM starts; a value set on the command line stands.
     */
    static final String MAX_REQUEST_SECONDS = "sun.net.httpserver.maxReqTime";
    static final String MAX_ANSWER_SECONDS = "sun.net.httpserver.maxRspTime";

    static {
        if (System.getProperty(MAX_REQUEST_SECONDS) == null) {
            System.setProperty(MAX_REQUEST_SECONDS, "30");
        }
        if (System.getProperty(MAX_ANSWER_SECONDS) == null) {
            System.setProperty(MAX_ANSWER_SECONDS, "60");
        }
    }

    private final LightNodeOptions options;
    private final Ed25519PrivateKey key;
    private final MVStore file;
    private final Map<String, LightChain> chains = new LinkedHashMap<>();
    private final RunningChains running;
    private final StorageLimit storageLimit;
    private final HttpServer server;
    private final String address;
    private final Network network;
    /** The Transaction Analyzer of a simple node; empty on a basic one. */
    private final Optional<TransactionWatch> watch;
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(
            named("vanta-light-rounds"));
    private final ExecutorService relays = Executors.newFixedThreadPool(2, named("vanta-light-relay"));
    private final ExecutorService prefetch = Executors.newSingleThreadExecutor(named("vanta-light-sync-fetch"));
    private final List<Thread> miners = new ArrayList<>();
    private volatile boolean mining = true;

    private LightNode(LightNodeOptions options, Ed25519PrivateKey key, List<ChainParams> params) throws IOException {
        this.options = options;
        this.key = key;
        Files.createDirectories(options.stateDir());
        // retry: reopens the file when a thread is interrupted inside a read or write; MVStore would close the store.
        this.file = new MVStore.Builder().fileName("retry:" + options.stateDir().resolve("chains.mv.db"))
                .autoCommitDisabled().cacheSize(CACHE_MIB).open();
        for (ChainParams chainParams : params) {
            LightChain chain = new LightChain(chainParams, new MvChainStore(file, chainParams.name()), key,
                    SignedVotesFile.in(options.stateDir(), chainParams.name()), options.maxReorgDepth());
            chains.put(chain.params().chainId(), chain);
        }
        this.running = new RunningChains(chains.values().stream().map(LightChain::chain).toList());
        this.storageLimit = new StorageLimit(options.storageLimitBytes());
        this.server = HttpServer.create(new InetSocketAddress(options.bindHost(), options.port()), 64);
        this.address = "http://" + options.advertisedHost() + ":" + server.getAddress().getPort();
        NetworkSettings settings = new NetworkSettings(address, options.mode(), options.software(), options.seeds(),
                options.localEndpoints(), new PeerLimits(options.maxPeers(), PeerLimits.DEFAULTS.banMs(),
                PeerLimits.DEFAULTS.requestsPerSecond(), PeerLimits.DEFAULTS.requestBurst()),
                NetworkSettings.DEFAULT_MAX_CLOCK_SKEW_MS, NetworkSettings.DEFAULT_SYNC_BATCH_BLOCKS);
        this.network = new Network(options.simple() ? settings.withOptimisedPeers() : settings, key, running,
                new HttpPeerClient(key, System::currentTimeMillis), relays, prefetch, System::currentTimeMillis);
        this.watch = options.simple()
                ? Optional.of(new TransactionWatch(key, network::publishAlert, System::currentTimeMillis)) : Optional.empty();
    }

    /** Opens the store, starts the HTTP server, the rounds and the miners, on the chains of its network shipped with the software. */
    public static LightNode start(LightNodeOptions options, Ed25519PrivateKey key) throws IOException {
        List<ChainParams> params = new ArrayList<>();
        for (String name : options.chains()) {
            params.add(ChainParamsFile.bundled(name, LightNode.class.getClassLoader()));
        }
        return start(options, key, params);
    }

    /** As {@link #start(LightNodeOptions, Ed25519PrivateKey)}, on the chains given (a private network's). */
    public static LightNode start(LightNodeOptions options, Ed25519PrivateKey key, List<ChainParams> params) throws IOException {
        LightNode node = new LightNode(options, key, params);
        node.startServing();
        return node;
    }

    private void startServing() {
        server.createContext(P2pHttpApi.BASE, new JdkHttpHandler(new P2pHttpApi(network)));
        server.createContext("/api/v1/system/status", exchange -> json(exchange, status()));
        Map<String, String> chainIds = new LinkedHashMap<>();
        chains.values().forEach(chain -> chainIds.put(chain.params().name(), chain.params().chainId()));
        server.createContext(UserApi.CONTEXT, new UserApi(chainIds, chainId -> chains.get(chainId).chain().chainHead(),
                running::offerTransaction));
        server.createContext("/api/v1/peers", exchange -> json(exchange, PeersJson.of(network.nodeId(), address, true,
                network.peerViews(), network.syncStatus())));
        server.setExecutor(Executors.newFixedThreadPool(4, named("vanta-light-http")));
        server.start();
        ChainGossip.join(network, watch, running.all());
        rounds.scheduleWithFixedDelay(this::round, 0, options.syncIntervalSeconds(), TimeUnit.SECONDS);
        if (options.mining()) {
            long seed = new SecureRandom().nextLong();
            for (LightChain chain : chains.values()) {
                Thread miner = new Thread(new MiningLoop(chain.params().name(), chain.chain().miningTarget(
                        key.publicKey().address()), seed, 1, () -> mining),
                        "vanta-light-miner-" + chain.params().name());
                miner.setDaemon(true);
                miner.setPriority(Thread.MIN_PRIORITY);
                miners.add(miner);
                miner.start();
            }
        }
        LOG.info(() -> "Light node " + network.nodeId() + " (" + options.mode() + ") at " + address + ", chains "
                + heads() + ", mining " + (options.mining() ? "on" : "off") + ", seeds " + options.seeds());
    }

    private void round() {
        try {
            network.maintain();
            network.syncOnce();
            network.vote();
            storageLimit.enforce(running.all());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A peer-to-peer round failed; the next starts in " + options.syncIntervalSeconds() + " s", e);
        }
    }

    public String address() {
        return address;
    }

    public String nodeId() {
        return network.nodeId();
    }

    /** What each chain did since the last reading, its sync status, and what the Transaction Analyzer saw on it, for telemetry. */
    public List<ChainReading> chainReadings() {
        List<SyncStatus> sync = network.syncStatus();
        return chains.values().stream().map(chain -> {
            String chainId = chain.params().chainId();
            ChainReading read = chain.read().withSync(sync.stream().filter(status -> status.chainId().equals(chainId)).findFirst()
                    .map(status -> new ChainReading.Sync(status.syncing(), status.behind())));
            return watch.map(analyzer -> read.withAnalysis(analyzer.report(chainId))).orElse(read);
        }).toList();
    }

    /** Whether this node raised an alert since the last call: its telemetry should go out now. */
    public boolean raisedAlert() {
        return watch.map(TransactionWatch::takeNews).orElse(false);
    }

    public PeerReading peerReading() {
        java.util.OptionalDouble latency = network.averageLatencyMs();
        return new PeerReading(network.connectedPeerCount(), latency.isPresent() ? latency.getAsDouble() : null);
    }

    private JsonObject status() {
        JsonArrayBuilder chainArray = Json.createArrayBuilder();
        for (ChainHead head : heads()) {
            chainArray.add(Json.createObjectBuilder().add("chainId", head.chainId()).add("height", head.height())
                    .add("head", head.head().toString()));
        }
        return Json.createObjectBuilder().add("system", "VantaEchoNebula").add("nodeId", network.nodeId())
                .add("mode", options.mode()).add("pool", false).add("software", options.software()).add("address", address)
                .add("chains", chainArray).build();
    }

    private static void json(HttpExchange exchange, JsonObject body) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Each chain this node runs, with its genesis and head. */
    public List<ChainHead> heads() {
        return running.heads();
    }

    /** Imports a block as if a peer had sent it (benchmarks build chains this way). */
    public ImportResult importBlock(String chainId, Block block) {
        return running.importBlock(chainId, block);
    }

    /** Stops the miners, the rounds and the server, and closes the store. */
    @Override
    public void close() {
        mining = false;
        rounds.shutdownNow();
        server.stop(1);
        relays.shutdownNow();
        prefetch.shutdownNow();
        for (Thread miner : miners) {
            try {
                miner.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (file) {
            file.close();
        }
        LOG.info(() -> "Light node " + network.nodeId() + " stopped");
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
