package io.vantaechonebula.web.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vantaechonebula.chain.tx.RejectionReason;
import io.vantaechonebula.node.api.ChainOperations;
import io.vantaechonebula.node.api.NodeOperations;
import io.vantaechonebula.node.api.P2pCounts;
import io.vantaechonebula.node.running.ChainCounters;
import io.vantaechonebula.p2p.peer.PeerState;
import io.vantaechonebula.p2p.peer.PeerView;
import io.vantaechonebula.p2p.sync.SyncStatus;
import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.AgentModels;
import io.vantaechonebula.pool.api.AgentOperations;
import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.NetworkCounts;
import io.vantaechonebula.pool.api.NodeStates;
import io.vantaechonebula.pool.api.PoolOperations;
import io.vantaechonebula.pool.api.PoolQueues;
import io.vantaechonebula.pool.api.PoolStats;
import io.vantaechonebula.pool.api.ProcessorSnapshot;
import io.vantaechonebula.pool.api.QueueDepth;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.web.network.BoardCounts;
import io.vantaechonebula.web.network.ChainFigures;
import io.vantaechonebula.web.network.NetworkBoard;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The figures of the chains, the mempools, the peers, the pool, the agents and the nodes, read at each scrape in
 * the categories docs/metrics.md lists ({@code vanta_chain_*}, {@code vanta_mempool_*}, {@code vanta_p2p_*},
 * {@code vanta_pool_*}, {@code vanta_agents_*}, {@code vanta_node_*}). The counts of nodes and findings come from
 * the board's shared reading, so scrapes cost the database at most one count every few seconds, and one reading
 * serves every scrape within {@value #FRESH_MS} ms, so a flood of {@code GET /metrics} costs no more than one scraper.
 * A part that cannot be read (the broker still starting) is left out of that scrape and logged; the rest is answered.
 */
@ApplicationScoped
public class NetworkMetrics implements MultiCollector {

    private static final Logger LOG = Logger.getLogger(NetworkMetrics.class.getName());
    static final long FRESH_MS = 1_000;

    private MetricSnapshots last;
    private long lastAtMs;

    @Inject
    private NetworkBoard board;

    @Inject
    private BoardCounts counts;

    @EJB
    private ChainOperations chains;

    @EJB
    private NodeOperations node;

    @EJB
    private PoolOperations pool;

    @EJB
    private AgentOperations agents;

    @Override
    public synchronized MetricSnapshots collect() {
        long now = System.currentTimeMillis();
        if (last == null || now - lastAtMs >= FRESH_MS || now < lastAtMs) {
            last = read();
            lastAtMs = System.currentTimeMillis();
        }
        return last;
    }

    private MetricSnapshots read() {
        List<Family> families = new ArrayList<>();
        read("chains", families, this::chains);
        read("peers", families, this::peers);
        if (board.poolRunsHere()) {
            read("pool", families, this::pool);
            read("agents", families, this::agents);
            read("nodes and findings", families, this::nodesAndFindings);
        }
        return new MetricSnapshots(families.stream().map(Family::snapshot).toArray(MetricSnapshot[]::new));
    }

    private static void read(String part, List<Family> families, Consumer<List<Family>> reader) {
        List<Family> read = new ArrayList<>();
        try {
            reader.accept(read);
            families.addAll(read);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The metrics of the " + part + " could not be read and are left out of this scrape: "
                    + e.getMessage(), e);
        }
    }

    private void chains(List<Family> families) {
        Family height = Family.gauge("vanta_chain_height", "Height of the main chain's head");
        Family difficulty = Family.gauge("vanta_chain_difficulty", "Expected hashes to mine a block at the head's target");
        Family hashRate = Family.gauge("vanta_chain_hash_rate_hashes_per_second",
                "Hashes per second of this node's miners over the last minute");
        Family blockTime = Family.gauge("vanta_chain_block_time_seconds",
                "Mean time between the last 20 main-chain blocks (absent before block 2)");
        Family target = Family.gauge("vanta_chain_target_block_time_seconds", "The chain's target time between blocks");
        Family headAge = Family.gauge("vanta_chain_head_age_seconds", "Time since the head block's timestamp");
        Family finalHeight = Family.gauge("vanta_chain_final_height", "Height of the last final block; 0 while none is");
        Family finalityLag = Family.gauge("vanta_chain_finality_lag_blocks", "Blocks between the head and the last final block");
        Family reorgs = Family.counter("vanta_chain_reorgs", "Re-organisations of the main chain since the node started");
        Family reorged = Family.counter("vanta_chain_reorged_blocks",
                "Blocks that left the main chain in re-organisations since the node started");
        Family lastDepth = Family.gauge("vanta_chain_last_reorg_depth_blocks",
                "Blocks the latest re-organisation took off the main chain; 0 before the first");
        Family mempool = Family.gauge("vanta_mempool_transactions", "Transactions waiting in the mempool");
        Family capacity = Family.gauge("vanta_mempool_capacity_transactions", "The most transactions the mempool holds");
        Family accepted = Family.counter("vanta_mempool_accepted",
                "Transactions the mempool took, new or replacing one of the same nonce, since the node started");
        Family refused = Family.counter("vanta_mempool_refused",
                "Transactions the mempool refused since the node started, by reason (the API's error codes)");
        for (ChainFigures chain : board.chains()) {
            String name = chain.name();
            height.add(chain.height(), "chain", name);
            difficulty.add(chain.difficulty().doubleValue(), "chain", name);
            hashRate.add(chain.hashRate(), "chain", name);
            chain.averageBlockTimeMs().ifPresent(ms -> blockTime.add(ms / 1000.0, "chain", name));
            target.add(chain.targetBlockTimeMs() / 1000.0, "chain", name);
            headAge.add(chain.lastBlockAgeMs() / 1000.0, "chain", name);
            finalHeight.add(chain.finalHeight().orElse(0), "chain", name);
            finalityLag.add(chain.finalityLag(), "chain", name);
            mempool.add(chain.mempoolSize(), "chain", name);
            capacity.add(chain.mempoolCapacity(), "chain", name);
            ChainCounters.Counts counted = chains.counts(name);
            reorgs.add(counted.reorganisations(), "chain", name);
            reorged.add(counted.reorganisedBlocks(), "chain", name);
            lastDepth.add(counted.lastReorganisationDepth(), "chain", name);
            accepted.add(counted.mempoolAccepted(), "chain", name);
            for (RejectionReason reason : RejectionReason.values()) {
                refused.add(counted.mempoolRefused().getOrDefault(reason, 0L), "chain", name, "reason", reason.code());
            }
        }
        families.addAll(List.of(height, difficulty, hashRate, blockTime, target, headAge, finalHeight, finalityLag, reorgs,
                reorged, lastDepth, mempool, capacity, accepted, refused));
    }

    private void peers(List<Family> families) {
        Map<PeerState, Long> byState = new EnumMap<>(PeerState.class);
        for (PeerState state : PeerState.values()) {
            byState.put(state, 0L);
        }
        for (PeerView peer : node.peers()) {
            byState.merge(peer.state(), 1L, Long::sum);
        }
        Family peers = Family.gauge("vanta_p2p_peers", "Peers this node knows, by state: connected, unreachable, banned");
        byState.forEach((state, count) -> peers.add(count, "state", state.name().toLowerCase(Locale.ROOT)));
        P2pCounts counted = node.p2pCounts();
        families.add(peers);
        families.add(Family.gauge("vanta_p2p_enabled", "1 when this node takes part in the peer-to-peer network (vanta.p2p.enabled)")
                .add(node.p2pEnabled() ? 1 : 0));
        families.add(Family.counter("vanta_p2p_bans", "Bans of peers since the node started").add(counted.bans()));
        families.add(Family.counter("vanta_p2p_sent_bytes", "Bytes of protocol messages sent, as caller and as server")
                .add(counted.bytesSent()));
        families.add(Family.counter("vanta_p2p_received_bytes", "Bytes of protocol messages received, as caller and as server")
                .add(counted.bytesReceived()));
        Family syncing = Family.gauge("vanta_p2p_syncing", "1 while blocks are being fetched from a peer, else 0");
        Family behind = Family.gauge("vanta_p2p_sync_behind_blocks", "Blocks between this node's head and the best peer's");
        Family best = Family.gauge("vanta_p2p_sync_best_peer_height", "The highest head a connected peer reports");
        Family imported = Family.counter("vanta_p2p_sync_imported_blocks", "Blocks taken by sync since the node started");
        for (SyncStatus status : node.sync()) {
            String name = chains.nameOf(status.chainId()).orElse(status.chainId());
            syncing.add(status.syncing() ? 1 : 0, "chain", name);
            behind.add(status.behind(), "chain", name);
            best.add(status.bestPeerHeight(), "chain", name);
            imported.add(status.blocksImported(), "chain", name);
        }
        families.addAll(List.of(syncing, behind, best, imported));
    }

    private void pool(List<Family> families) {
        PoolStats stats = pool.stats();
        Family queues = Family.gauge("vanta_pool_queue_messages", "Messages waiting on each of the pool's queues");
        for (QueueDepth queue : List.of(stats.nodeData(), stats.training(), stats.deadLetters())) {
            // A queue the broker has not created yet has nothing on it.
            queues.add(queue.depth().orElse(0), "queue", queue.queue());
        }
        Family limit = Family.gauge("vanta_pool_queue_limit_messages",
                "The most messages a queue holds before producers wait (HTTP ingest answers 429)")
                .add(stats.nodeDataLimit(), "queue", PoolQueues.NODE_DATA);
        Family lag = Family.gauge("vanta_pool_stage_lag_seconds", "How long each stage's oldest waiting batch has waited");
        Family pending = Family.gauge("vanta_pool_stage_pending_batches", "Batches waiting for each stage");
        Family inARow = Family.gauge("vanta_pool_stage_failures_in_a_row", "Failed runs of each stage since its last success");
        for (ProcessorSnapshot stage : stats.pipeline().processors()) {
            lag.add(stage.lagMillis() / 1000.0, "stage", stage.name());
            pending.add(stage.pendingBatches(), "stage", stage.name());
            inARow.add(stage.failuresInARow(), "stage", stage.name());
        }
        Family delay = Family.gauge("vanta_pool_store_delay_p99_seconds",
                "99th percentile over the last minute of the time from a node's send to its samples' storing; absent when"
                        + " nothing was stored in it");
        if (stats.pipeline().sentToStoredP99Millis() >= 0) {
            delay.add(stats.pipeline().sentToStoredP99Millis() / 1000.0);
        }
        families.addAll(List.of(queues, limit, lag, pending, inARow, delay));
    }

    private void agents(List<Family> families) {
        Family models = Family.gauge("vanta_agents_models", "Models each agent keeps (per node, metric or chain)");
        Family trained = Family.gauge("vanta_agents_trained_values", "Values each agent's models have learnt from");
        Map<String, AgentModels> kept = agents.models();
        for (Agent agent : Agent.values()) {
            AgentModels of = kept.getOrDefault(agent.id(), AgentModels.NONE);
            models.add(of.count(), "agent", agent.id());
            trained.add(of.trainedValues(), "agent", agent.id());
        }
        families.addAll(List.of(models, trained));
    }

    private void nodesAndFindings(List<Family> families) {
        NetworkCounts counted = counts.get().value();
        Family open = Family.gauge("vanta_agents_findings_open",
                "Alerts and insights open (seen in the last ten minutes, neither acknowledged nor resolved), by type and severity");
        for (FindingType type : FindingType.values()) {
            for (Severity severity : Severity.values()) {
                open.add(counted.open(type, severity), "type", type.id(), "severity", severity.id());
            }
        }
        Family byKind = Family.gauge("vanta_agents_findings_open_by_kind", "Open alerts and insights by type, kind and severity");
        for (NetworkCounts.OpenFindings findings : counted.openByKind()) {
            byKind.add(findings.count(), "type", findings.type().id(), "kind", findings.kind(), "severity",
                    findings.severity().id());
        }
        NodeStates nodes = counted.nodes();
        Family states = Family.gauge("vanta_node_nodes",
                "Nodes the pool has heard from, by state: up, silent (quiet past their usual gap), down (not heard for a day)")
                .add(nodes.up(), "state", "up").add(nodes.silent(), "state", "silent").add(nodes.down(), "state", "down");
        families.addAll(List.of(open, byKind, states,
                Family.gauge("vanta_node_verified_nodes", "Nodes up or silent whose newest payload was signed by their registered key")
                        .add(nodes.verified()),
                Family.gauge("vanta_node_unverified_nodes", "Nodes up or silent whose newest payload was not signed by a registered key")
                        .add(Math.max(0, nodes.up() + nodes.silent() - nodes.verified()))));
    }
}
