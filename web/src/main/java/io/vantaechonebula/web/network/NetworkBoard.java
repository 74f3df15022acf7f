package io.vantaechonebula.web.network;

import io.vantaechonebula.chain.pow.ProofOfWork;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.node.api.ChainOperations;
import io.vantaechonebula.node.api.MempoolSummary;
import io.vantaechonebula.node.api.NodeOperations;
import io.vantaechonebula.p2p.peer.PeerState;
import io.vantaechonebula.p2p.peer.PeerView;
import io.vantaechonebula.pool.api.NetworkCounts;
import io.vantaechonebula.pool.api.NodeStates;
import io.vantaechonebula.pool.api.NodeTelemetryOperations;
import io.vantaechonebula.pool.api.PoolOperations;
import io.vantaechonebula.pool.api.PoolStats;
import io.vantaechonebula.pool.api.ProcessorSnapshot;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reads the network board's figures from the node's and the pool's services, as of now. */
@ApplicationScoped
public class NetworkBoard {

    static final int BLOCKS_AVERAGED = 20;
    private static final NetworkCounts NONE_COUNTED = new NetworkCounts(new NodeStates(0, 0, 0, 0), Map.of(), List.of());

    @EJB
    private ChainOperations chains;

    @EJB
    private NodeOperations node;

    @EJB
    private PoolOperations pool;

    @EJB
    private NodeTelemetryOperations telemetry;

    public List<ChainFigures> chains() {
        List<PeerView> peers = node.peers();
        return chains.names().stream().map(name -> chain(name, peers)).toList();
    }

    private ChainFigures chain(String name, List<PeerView> peers) {
        var params = chains.params(name);
        StoredBlock head = chains.head(name);
        long now = System.currentTimeMillis();
        long headTime = head.block().header().timestampMs();
        OptionalLong average = OptionalLong.empty();
        // From block 1: genesis carries the chain's fixed launch time, not when it was mined.
        long from = Math.max(1, head.height() - BLOCKS_AVERAGED);
        if (from < head.height()) {
            average = chains.blockAt(name, from).stream()
                    .mapToLong(block -> (headTime - block.block().header().timestampMs()) / (head.height() - from))
                    .findFirst();
        }
        MempoolSummary mempool = chains.mempool(name);
        OptionalLong finalHeight = chains.finalBlock(name).map(block -> OptionalLong.of(block.height()))
                .orElse(OptionalLong.empty());
        int connected = (int) peers.stream()
                .filter(peer -> peer.state() == PeerState.CONNECTED)
                .filter(peer -> peer.chains().stream().anyMatch(chainHead -> chainHead.chainId().equals(params.chainId())))
                .count();
        return new ChainFigures(name, params.chainId(), head.height(), Math.max(0, now - headTime), average,
                params.targetBlockTimeMs(), ProofOfWork.work(head.block().header().target()), chains.hashRate(name),
                mempool.size(), mempool.capacity(), finalHeight, connected);
    }

    public boolean poolRunsHere() {
        return node.status().runsPool();
    }

    public PoolFigures pool() {
        if (!poolRunsHere()) {
            return PoolFigures.NOT_HERE;
        }
        PoolStats stats = pool.stats();
        ProcessorSnapshot slowest = stats.pipeline().processors().stream()
                .max(Comparator.comparingLong(ProcessorSnapshot::lagMillis)).orElse(null);
        long failures = stats.pipeline().processors().stream().mapToLong(ProcessorSnapshot::failures).sum();
        long deadBatches = stats.pipeline().processors().stream().mapToLong(ProcessorSnapshot::deadBatches).sum();
        return new PoolFigures(true, stats.nodeData().depth().orElse(-1), stats.nodeDataLimit(),
                stats.training().depth().orElse(-1), stats.deadLetters().depth().orElse(0),
                stats.pipeline().samplesStoredPerSecond(), slowest == null ? 0 : slowest.lagMillis(),
                slowest == null ? "" : slowest.name(), failures, deadBatches, stats.pipeline().sentToStoredP99Millis());
    }

    /** The nodes and open findings, counted together; none where the pool does not run. */
    public NetworkCounts counts() {
        return poolRunsHere() ? telemetry.counts() : NONE_COUNTED;
    }
}
