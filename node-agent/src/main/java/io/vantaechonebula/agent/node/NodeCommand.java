package io.vantaechonebula.agent.node;

import io.vantaechonebula.agent.broker.BrokerLoginOptions;
import io.vantaechonebula.agent.broker.ArtemisBroker;
import io.vantaechonebula.agent.broker.Brokers;
import io.vantaechonebula.agent.broker.OpenMqBroker;
import io.vantaechonebula.agent.light.LightNode;
import io.vantaechonebula.agent.light.LightNodeOptions;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.KeyFile;
import io.vantaechonebula.chain.store.ByteSize;
import io.vantaechonebula.node.running.NetworkChoice;
import io.vantaechonebula.p2p.NetworkSettings;
import io.vantaechonebula.telemetry.collector.BatchSender;
import io.vantaechonebula.telemetry.collector.ChainReading;
import io.vantaechonebula.telemetry.collector.CollectorLoop;
import io.vantaechonebula.telemetry.collector.HttpBatchSender;
import io.vantaechonebula.telemetry.collector.JmsBatchSender;
import io.vantaechonebula.telemetry.collector.NodeRegistration;
import io.vantaechonebula.telemetry.collector.PeerReading;
import io.vantaechonebula.telemetry.collector.PoolProbe;
import io.vantaechonebula.telemetry.collector.PoolRoute;
import io.vantaechonebula.telemetry.collector.SequenceFile;
import io.vantaechonebula.telemetry.collector.TelemetryCollector;
import io.vantaechonebula.telemetry.host.ProcessSampler;
import io.vantaechonebula.telemetry.signing.NodeSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs a node's collector without an application server: samples this process and host, and the
 * chains of a local node if one is named, every few seconds, and streams them to the pool in
 * batches, over its broker or over HTTP, keeping what the pool does not take for later.
 */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Runs a node's telemetry collector: samples every --interval seconds, sends batches of 50 (or"
                + " what waited 30 s) to the pool, keeps and retries what the pool does not take. Stop it with Ctrl-C.",
                "Without --local-node it reports this host only, with no chain activity, on --chain."})
public class NodeCommand implements Callable<Integer> {

    private static final long STATUS_EVERY_MILLIS = 60_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--name", defaultValue = "node-1", description = "Name of this node on this machine; each name has its own key and state (default: ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the node keeps its key and sample counter (default: $VANTA_NODE_STATE/<name>, else run/nodes/<name>)")
    Path stateDir;

    @Option(names = "--pool", paramLabel = "URL", split = ",",
            description = "The pool's HTTP address(es) to look for it at (default: http://localhost:8080, http://localhost:9080, http://localhost:7000)")
    List<URI> pools;

    @Option(names = "--transport", defaultValue = "jms", description = "jms (the pool's broker) or http (POST /api/v1/pool/ingest); default ${DEFAULT-VALUE}")
    String transport;

    @Option(names = "--broker", paramLabel = "mq://HOST:PORT",
            description = "The pool's broker, mq://HOST:PORT or over TLS mqssl://HOST:PORT (default: the pool's host, port 7676,"
                    + " over TLS when the pool is at an https:// address); on WildFly tcp://HOST:8080")
    String broker;

    @Mixin
    BrokerLoginOptions brokerLogin;

    @Option(names = "--local-node", paramLabel = "URL", description = "A node whose chains to report, e.g. http://localhost:8080")
    URI localNode;

    @Option(names = "--network", defaultValue = "${env:NETWORK:-both}",
            description = "The chains a light node (--mode) runs: testnet, mainnet or both (default: $NETWORK, else both)")
    String network;

    @Option(names = "--chain", description = "Chain to report on without --local-node or --mode (default: the first chain of"
            + " --network: testnet unless the network is mainnet)")
    String chain;

    @Option(names = "--type", defaultValue = "basic", description = "Node type to report: basic, simple or full (default: ${DEFAULT-VALUE})")
    String nodeType;

    @Option(names = "--interval", defaultValue = "5", description = "Seconds between samples (default: ${DEFAULT-VALUE})")
    int intervalSeconds;

    @Option(names = "--mode", description = "Run a light node too: basic (both chains on a store in the state directory,"
            + " the peer-to-peer network, mining if --mining) or simple (basic plus the Transaction Analyzer, which alerts"
            + " peers and the pool, and the network optimizer, which prefers fast, well-behaved peers); its telemetry is"
            + " then its own")
    String mode;

    @Option(names = "--port", defaultValue = "0", description = "With --mode: the port the node serves peers on; 0 takes a free one"
            + " (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "With --mode: the host peers reach this node at, and the"
            + " interface it listens on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--seeds", paramLabel = "URL", split = ",", description = "With --mode: nodes to connect to first"
            + " (default: $VANTA_P2P_SEEDS; http://localhost:8080, :9080 and http://127.0.0.1:8080 are tried as well)")
    List<String> seeds;

    @Option(names = "--mining", defaultValue = "${env:MINING_ENABLED:-true}", arity = "1",
            description = "With --mode: whether the node mines (default: $MINING_ENABLED, else true)")
    boolean mining;

    @Option(names = "--sync-interval", defaultValue = "${env:SYNC_INTERVAL:-5}",
            description = "With --mode: seconds between peer-to-peer rounds (default: $SYNC_INTERVAL, else 5)")
    long syncIntervalSeconds;

    @Option(names = "--max-peers", defaultValue = "${env:MAX_PEERS:-10}",
            description = "With --mode: most peers at once (default: $MAX_PEERS, else 10)")
    int maxPeers;

    @Option(names = "--storage-limit", defaultValue = "${env:STORAGE_LIMIT:-1GB}",
            description = "With --mode: what the node's blocks may take; beyond, the transactions of blocks 1,000 below"
                    + " the head (final ones, once blocks are final) go and their headers stay (default: $STORAGE_LIMIT, else 1GB)")
    String storageLimit;

    @Option(names = "--max-reorg-depth", defaultValue = "100",
            description = "With --mode: the deepest re-organisation the node makes; a side block this many blocks or more"
                    + " below the head is refused, and reported to the pool as a deep fork (default: ${DEFAULT-VALUE})")
    int maxReorgDepth;

    @Option(names = "--buffer", defaultValue = "10000", description = "Samples kept while the pool does not take them; beyond, the oldest go (default: ${DEFAULT-VALUE})")
    int capacity;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!List.of("jms", "http").contains(transport)) {
            err.println("vanta node: --transport takes jms or http, not '" + transport + "'");
            return 2;
        }
        if (!List.of("basic", "simple", "full").contains(nodeType)) {
            err.println("vanta node: --type takes basic, simple or full, not '" + nodeType + "'");
            return 2;
        }
        if (intervalSeconds < 1) {
            err.println("vanta node: --interval must be at least 1 second, not " + intervalSeconds);
            return 2;
        }
        NetworkChoice chosen;
        try {
            chosen = NetworkChoice.parse(network);
        } catch (IllegalArgumentException e) {
            err.println("vanta node: --network: " + e.getMessage());
            return 2;
        }
        if (chain == null) {
            chain = chosen.chains().get(0);
        }
        if (broker != null) {
            try {
                broker = Brokers.address(broker, "--broker");
            } catch (IllegalArgumentException e) {
                err.println("vanta node: " + e.getMessage());
                return 2;
            }
        }
        Optional<JmsBatchSender.Login> brokerUser = Optional.empty();
        if (transport.equals("jms")) {
            try {
                brokerUser = Optional.of(brokerLogin.login());
            } catch (IllegalArgumentException e) {
                err.println("vanta node: " + e.getMessage());
                return 2;
            }
        }
        Path state = stateDir != null ? stateDir
                : Path.of(System.getenv().getOrDefault("VANTA_NODE_STATE", "run/nodes")).resolve(name);
        if (mode != null && localNode != null) {
            err.println("vanta node: --mode runs chains here, --local-node reports another node's; give one of them");
            return 2;
        }
        Ed25519PrivateKey key;
        try {
            key = KeyFile.readOrCreate(state.resolve("node.key"), new SecureRandom());
        } catch (IOException e) {
            err.println("vanta node: cannot read or create the node key in " + state + ": " + e.getMessage());
            return 1;
        }
        String nodeId = key.publicKey().address().hex();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Supplier<List<ChainReading>> chains = chains(http, err);
        Supplier<PeerReading> peers = () -> PeerReading.NONE;
        BooleanSupplier alertRaised = () -> false;
        if (mode != null) {
            LightNode light;
            try {
                light = LightNode.start(new LightNodeOptions(state, mode, "VantaEchoNebula-light/" + version(), host, port, host,
                        seeds != null ? seeds : envSeeds(), NetworkSettings.DEFAULT_LOCAL_ENDPOINTS, mining, syncIntervalSeconds,
                        maxPeers, ByteSize.parse(storageLimit, "--storage-limit"), chosen.chains(), maxReorgDepth), key);
            } catch (IllegalArgumentException e) {
                err.println("vanta node: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                err.println("vanta node: cannot start the light node (state in " + state + "): " + e.getMessage());
                return 1;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(light::close));
            chains = light::chainReadings;
            peers = light::peerReading;
            alertRaised = light::raisedAlert;
            nodeType = mode;
            out.println("Light node " + name + " (" + nodeId + ", " + mode + ") serves peers at " + light.address()
                    + " (peers: " + light.address() + "/api/v1/peers); store in " + state);
        }
        NodeSigner signer = new NodeSigner(key);
        PoolRoute route = new PoolRoute(new PoolProbe(http), pools == null ? PoolProbe.LOCAL_CANDIDATES : pools, connect(http, signer, brokerUser),
                Optional.of(new NodeRegistration(http, signer, nodeType)));
        TelemetryCollector collector = new TelemetryCollector(nodeId, nodeType, chains, peers,
                new ProcessSampler(state), new SequenceFile(state.resolve("sample.seq"))::next, CollectorLoop.outbox(capacity),
                route);
        out.println("Node " + name + " (" + nodeId + ", " + nodeType + ") sampling every " + intervalSeconds + " s"
                + (localNode != null ? ", chains of " + localNode : ", this host on " + chain) + "; state in " + state);
        out.flush();
        run(new CollectorLoop(collector, Duration.ofSeconds(intervalSeconds), alertRaised, samplingProblems(out)), route, out);
        return 0;
    }

    private static List<String> envSeeds() {
        String seedList = System.getenv().getOrDefault("VANTA_P2P_SEEDS", "");
        return java.util.Arrays.stream(seedList.split(",")).map(String::trim).filter(seed -> !seed.isEmpty()).toList();
    }

    private static String version() {
        String version = NodeCommand.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private Supplier<List<ChainReading>> chains(HttpClient http, PrintWriter err) {
        if (localNode == null) {
            // Nothing here runs a chain: the host reports none of its own activity.
            return () -> List.of(new ChainReading(chain, 0, 0, 0, 0));
        }
        LocalNodeChains[] reader = new LocalNodeChains[1];
        return () -> {
            if (reader[0] == null) {
                reader[0] = new LocalNodeChains(http, localNode, LocalNodeChains.chainsOf(http, localNode));
            }
            return reader[0].read();
        };
    }

    private Function<PoolProbe.Found, BatchSender> connect(HttpClient http, NodeSigner signer,
            Optional<JmsBatchSender.Login> brokerUser) {
        return found -> transport.equals("http")
                ? HttpBatchSender.toPool(http, found.baseUrl(), Optional.of(signer))
                : Brokers.sender(broker != null ? broker : brokerOf(found), brokerUser.orElseThrow(), Optional.of(signer));
    }

    /**
     * The found pool's broker: Artemis through the pool's own HTTP port on WildFly, else OpenMQ on the pool's host
     * (over TLS when the pool is at an https:// address).
     */
    private static String brokerOf(PoolProbe.Found found) {
        URI pool = found.baseUrl();
        if (found.brokerOnHttpPort()) {
            return ArtemisBroker.address("tcp://" + pool.getHost() + ":" + (pool.getPort() == -1 ? 80 : pool.getPort()), "--pool");
        }
        return OpenMqBroker.address(("https".equals(pool.getScheme()) ? "mqssl://" : "mq://") + pool.getHost(), "--pool");
    }

    /** Tells of a failed sampling once, until sampling works again or fails for another reason. */
    private Consumer<RuntimeException> samplingProblems(PrintWriter out) {
        String[] lastProblem = new String[1];
        return e -> {
            String problem = String.valueOf(e.getMessage());
            if (!problem.equals(lastProblem[0])) {
                out.println("Could not sample: " + problem + "; trying again every " + intervalSeconds + " s");
                out.flush();
            }
            lastProblem[0] = problem;
        };
    }

    private void run(CollectorLoop loop, PoolRoute route, PrintWriter out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread worker = new Thread(() -> loop(loop, route, out, stopped), "vanta-node-collector");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        worker.start();
        worker.join();
    }

    private static void loop(CollectorLoop loop, PoolRoute route, PrintWriter out, CountDownLatch stopped) {
        long lastStatus = System.currentTimeMillis();
        try {
            while (!stopped.await(CollectorLoop.TICK_MILLIS, TimeUnit.MILLISECONDS)) {
                long now = System.currentTimeMillis();
                loop.tick(now);
                if (now - lastStatus >= STATUS_EVERY_MILLIS) {
                    lastStatus = now;
                    printStatus(loop.collector(), route, out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // On the way out, one last try for whatever waits; the rest is lost with the process.
            loop.flush(System.currentTimeMillis());
            printStatus(loop.collector(), route, out);
            route.close();
        }
    }

    private static void printStatus(TelemetryCollector collector, PoolRoute route, PrintWriter out) {
        TelemetryCollector.Status status = collector.status();
        out.println("Sent " + status.samplesSent() + " samples in " + status.batchesSent() + " batches to " + route.description()
                + "; " + status.buffered() + " waiting, " + status.dropped() + " dropped"
                + (status.lastFailure() != null ? "; last failure: " + status.lastFailure() : ""));
        out.flush();
    }
}
