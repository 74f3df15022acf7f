package io.vantaechonebula.node.p2p;

import io.vantaechonebula.analysis.tx.TransactionWatch;
import io.vantaechonebula.analysis.tx.WatchReport;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.node.chain.ChainRegistry;
import io.vantaechonebula.node.config.NodeMode;
import io.vantaechonebula.node.identity.NodeIdentity;
import io.vantaechonebula.node.api.P2pCounts;
import io.vantaechonebula.node.running.ChainEvents;
import io.vantaechonebula.node.running.ChainGossip;
import io.vantaechonebula.node.running.RunningChain;
import io.vantaechonebula.node.running.RunningChains;
import io.vantaechonebula.p2p.Network;
import io.vantaechonebula.p2p.Traffic;
import io.vantaechonebula.p2p.http.HttpPeerClient;
import io.vantaechonebula.p2p.http.P2pHttpApi;
import io.vantaechonebula.p2p.peer.PeerView;
import io.vantaechonebula.p2p.sync.SyncStatus;
import io.vantaechonebula.telemetry.collector.PeerReading;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This node in the peer-to-peer network (docs/p2p-spec.md): runs the protocol over the node's
 * chains, passes on what they take, and every sync interval keeps its peers and syncs. In mode
 * simple it also runs the Transaction Analyzer on every transaction the node sees, alerting its peers.
 */
// Its own thread: a sync round may import thousands of blocks and must not hold up other scheduled work.
@ManagedScheduledExecutorDefinition(name = PeerService.ROUNDS, maxAsync = 1)
@Singleton
@Startup
@DependsOn({"ChainRegistry", "NodeIdentity"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PeerService {

    static final String ROUNDS = "java:app/concurrent/PeerRounds";
    private static final Logger LOG = Logger.getLogger(PeerService.class.getName());

    @EJB
    private ChainRegistry registry;

    @EJB
    private NodeIdentity identity;

    @Resource(lookup = ROUNDS)
    private ManagedScheduledExecutorService rounds;

    @Resource
    private ManagedExecutorService relays;

    @Resource
    private SessionContext context;

    private PeerSettings settings;
    private Network network;
    private P2pHttpApi api;
    private final Traffic traffic = new Traffic();
    private ScheduledFuture<?> task;
    /** The Transaction Analyzer of a simple node; empty in other modes. */
    private Optional<TransactionWatch> watch = Optional.empty();

    @PostConstruct
    void start() {
        settings = PeerSettings.from(ConfigProvider.getConfig(PeerService.class.getClassLoader()),
                identity.settings().mode().id(), "VantaEchoNebula/" + identity.version());
        network = new Network(settings.network(), identity.nodeKey(), new RunningChains(registry.all()),
                new HttpPeerClient(identity.nodeKey(), System::currentTimeMillis, HttpPeerClient.CALL_TIMEOUT, traffic), relays,
                relays, System::currentTimeMillis);
        api = new P2pHttpApi(network, traffic);
        // A full node runs every agent, a simple node the analyzer among them; a basic node only keeps the chains.
        if (identity.settings().mode() != NodeMode.BASIC) {
            watch = Optional.of(new TransactionWatch(identity.nodeKey(), network::publishAlert, System::currentTimeMillis));
        }
        ChainGossip.join(network, watch, registry.all());
        if (!settings.enabled()) {
            // The chains' events still reach the Transaction Analyzer; with no peers, nothing goes anywhere.
            LOG.info("Peer-to-peer is off (vanta.p2p.enabled=false): this node neither dials nor passes anything on");
            return;
        }
        // Through the bean's own proxy: the chains' entity manager needs a container invocation, which a bare
        // scheduler thread does not have.
        PeerService self = context.getBusinessObject(PeerService.class);
        task = rounds.scheduleWithFixedDelay(self::round, 1, settings.syncIntervalSeconds(), TimeUnit.SECONDS);
        LOG.info(() -> "Peer-to-peer on: this node is " + network.nodeId() + " at " + settings.network().ownAddress()
                + "; seeds " + settings.network().seeds() + ", max " + settings.network().limits().maxPeers() + " peers, a round"
                + " every " + settings.syncIntervalSeconds() + " s");
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        for (RunningChain chain : registry.all()) {
            chain.listen(ChainEvents.NONE);
        }
    }

    /** One round of keeping peers, syncing and voting; each block import commits on its own. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void round() {
        try {
            network.maintain();
            network.syncOnce();
            network.vote();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A peer-to-peer round failed; the next starts in " + settings.syncIntervalSeconds() + " s", e);
        }
    }

    /** Answers the requests under /api/v1/p2p. */
    public P2pHttpApi api() {
        return api;
    }

    public String nodeId() {
        return network.nodeId();
    }

    public String address() {
        return settings.network().ownAddress();
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public boolean liftBan(String nodeId) {
        return network != null && network.liftBan(nodeId);
    }

    public List<PeerView> peers() {
        return network.peerViews();
    }

    public P2pCounts counts() {
        return new P2pCounts(network.bans(), traffic.sentBytes(), traffic.receivedBytes());
    }

    public List<SyncStatus> sync() {
        return network.syncStatus();
    }

    public int connectedPeers() {
        return network.connectedPeerCount();
    }

    public long readyMaxBehind() {
        return settings.readyMaxBehind();
    }

    /** What the Transaction Analyzer saw on the chain since the last report; empty unless this node runs it. */
    public Optional<WatchReport> transactionAnalysis(String chainId) {
        return watch.map(analyzer -> analyzer.report(chainId));
    }

    /** Whether the Transaction Analyzer raised an alert since the last call: telemetry should go out now. */
    public boolean raisedAlert() {
        return watch.map(TransactionWatch::takeNews).orElse(false);
    }

    /** How many peers are connected and the average latency to them, for telemetry. */
    public PeerReading reading() {
        java.util.OptionalDouble latency = network.averageLatencyMs();
        return new PeerReading(network.connectedPeerCount(), latency.isPresent() ? latency.getAsDouble() : null);
    }
}
