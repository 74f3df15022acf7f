package io.vantaechonebula.p2p;

import io.vantaechonebula.p2p.peer.PeerLimits;
import java.util.List;

/**
 * How one node takes part in the network.
 *
 * @param ownAddress      the base URL peers reach this node at; empty if it does not listen
 * @param mode            full, simple or basic, as told to peers
 * @param software        name and release, as told to peers
 * @param seeds           addresses to connect to first
 * @param localEndpoints  addresses on this machine where a node may run; tried once one confirms it is a VantaEchoNebula node
 * @param maxClockSkewMs  how far apart two nodes' clocks may be
 * @param syncBatchBlocks blocks asked for in one sync request
 * @param optimisePeers   whether the network optimizer chooses peers (simple nodes; docs/p2p-spec.md §6)
 */
public record NetworkSettings(String ownAddress, String mode, String software, List<String> seeds,
                              List<String> localEndpoints, PeerLimits limits, long maxClockSkewMs, int syncBatchBlocks,
                              boolean optimisePeers) {

    public static final long DEFAULT_MAX_CLOCK_SKEW_MS = 60_000;
    public static final int DEFAULT_SYNC_BATCH_BLOCKS = 500;
    public static final List<String> DEFAULT_LOCAL_ENDPOINTS =
            List.of("http://localhost:8080", "http://localhost:9080", "http://127.0.0.1:8080");

    public NetworkSettings {
        seeds = List.copyOf(seeds);
        localEndpoints = List.copyOf(localEndpoints);
        if (maxClockSkewMs <= 0) {
            throw new IllegalArgumentException("the clock skew allowed must be positive");
        }
        if (syncBatchBlocks < 1) {
            throw new IllegalArgumentException("a sync batch must ask for at least one block");
        }
    }

    /** Settings without the network optimizer. */
    public NetworkSettings(String ownAddress, String mode, String software, List<String> seeds, List<String> localEndpoints,
                           PeerLimits limits, long maxClockSkewMs, int syncBatchBlocks) {
        this(ownAddress, mode, software, seeds, localEndpoints, limits, maxClockSkewMs, syncBatchBlocks, false);
    }

    public NetworkSettings withOptimisedPeers() {
        return new NetworkSettings(ownAddress, mode, software, seeds, localEndpoints, limits, maxClockSkewMs, syncBatchBlocks,
                true);
    }
}
