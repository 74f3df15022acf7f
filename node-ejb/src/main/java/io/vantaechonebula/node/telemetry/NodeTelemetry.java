package io.vantaechonebula.node.telemetry;

import io.vantaechonebula.node.chain.ChainRegistry;
import io.vantaechonebula.node.config.SettingsSource;
import io.vantaechonebula.node.identity.NodeIdentity;
import io.vantaechonebula.node.p2p.PeerService;
import io.vantaechonebula.p2p.sync.SyncStatus;
import io.vantaechonebula.telemetry.collector.ChainReading;
import io.vantaechonebula.telemetry.collector.CollectorLoop;
import io.vantaechonebula.telemetry.collector.HttpBatchSender;
import io.vantaechonebula.telemetry.collector.NodeRegistration;
import io.vantaechonebula.telemetry.signing.NodeSigner;
import io.vantaechonebula.telemetry.collector.JmsBatchSender;
import io.vantaechonebula.telemetry.collector.PoolProbe;
import io.vantaechonebula.telemetry.collector.PoolRoute;
import io.vantaechonebula.telemetry.collector.SequenceFile;
import io.vantaechonebula.telemetry.collector.TelemetryCollector;
import io.vantaechonebula.telemetry.host.ProcessSampler;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.jms.ConnectionFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's collector: samples each chain every {@code vanta.telemetry.interval-seconds} and
 * sends batches of 50 (or whatever waited 30 s) to the pool. The pool is this server itself unless
 * {@code vanta.telemetry.pool-url} names another; this server's own pool is fed through its own
 * broker, another over HTTP.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NodeTelemetry {

    private static final Logger LOG = Logger.getLogger(NodeTelemetry.class.getName());

    @EJB
    private NodeIdentity identity;

    @EJB
    private ChainRegistry chains;

    @EJB
    private PeerService peers;

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private CollectorLoop loop;
    private PoolRoute route;
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        TelemetrySettings settings = TelemetrySettings.from(SettingsSource.ofConfig());
        if (!settings.enabled()) {
            LOG.info("Telemetry is off (vanta.telemetry.enabled=false): this node sends nothing to the pool");
            return;
        }
        Duration interval = settings.interval();
        int capacity = settings.bufferCapacity();
        List<URI> candidates = settings.poolCandidates();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String nodeId = identity.nodeId();
        NodeSigner signer = new NodeSigner(identity.nodeKey());
        route = new PoolRoute(new PoolProbe(http), candidates, found -> found.nodeId().equals(nodeId)
                ? new JmsBatchSender(connectionFactory, Optional.empty(), "this server's broker", Optional.of(signer))
                : HttpBatchSender.toPool(http, found.baseUrl(), Optional.of(signer)),
                Optional.of(new NodeRegistration(http, signer, identity.settings().mode().id())));
        Path sequenceFile = identity.settings().keyFile().resolveSibling("vanta-telemetry.seq");
        TelemetryCollector collector = new TelemetryCollector(nodeId, identity.settings().mode().id(),
                readingsWithAnalysis(new ChainActivityReader(chains::activity, chains::blocksBetween, chains::refusedForks)), peers::reading,
                new ProcessSampler(sequenceFile.getParent()), new SequenceFile(sequenceFile)::next,
                CollectorLoop.outbox(capacity), route);
        loop = new CollectorLoop(collector, interval, peers::raisedAlert,
                e -> LOG.log(Level.WARNING, "Telemetry sampling failed; trying again at the next interval", e));
        task = scheduler.scheduleWithFixedDelay(this::tick, CollectorLoop.TICK_MILLIS, CollectorLoop.TICK_MILLIS,
                TimeUnit.MILLISECONDS);
        LOG.info(() -> "Telemetry: sampling every " + interval.toSeconds() + " s, sending batches of "
                + CollectorLoop.BATCH_SIZE + " or every " + CollectorLoop.MAX_WAIT.toSeconds() + " s to the pool at "
                + candidates + " (buffer " + capacity + " samples)");
    }

    /**
     * The chains' readings, each with what the Transaction Analyzer saw on it where this node runs one, and its sync
     * status where the node takes part in the peer-to-peer network.
     */
    private Supplier<List<ChainReading>> readingsWithAnalysis(ChainActivityReader reader) {
        return () -> {
            List<SyncStatus> sync = peers.enabled() ? peers.sync() : List.of();
            return reader.read().stream().map(reading -> {
                String chainId = chains.chain(reading.chainId()).params().chainId();
                ChainReading withSync = reading.withSync(sync.stream().filter(status -> status.chainId().equals(chainId))
                        .findFirst().map(status -> new ChainReading.Sync(status.syncing(), status.behind())));
                return peers.transactionAnalysis(chainId).map(withSync::withAnalysis).orElse(withSync);
            }).toList();
        };
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
            route.close();
        }
    }

    private void tick() {
        try {
            loop.tick(System.currentTimeMillis());
        } catch (RuntimeException e) {
            // A failed tick must not end the schedule: the next one tries again.
            LOG.log(Level.WARNING, "Telemetry failed; trying again in a second", e);
        }
    }

    /** What the collector has done, and where it sends; empty when telemetry is off. */
    public Optional<Status> status() {
        if (loop == null) {
            return Optional.empty();
        }
        return Optional.of(new Status(loop.collector().status(), route.description()));
    }

    public record Status(TelemetryCollector.Status collector, String pool) {
    }
}
