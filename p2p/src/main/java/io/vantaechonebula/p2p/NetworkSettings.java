package io.vantaechonebula.p2p;

import io.vantaechonebula.p2p.handshake.PeerAddress;
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
 * @param dialPrivate     whether to dial private and loopback addresses learnt from peers (P10); seeds are always dialled
 */
public record NetworkSettings(String ownAddress, String mode, String software, List<String> seeds,
                              List<String> localEndpoints, PeerLimits limits, long maxClockSkewMs, int syncBatchBlocks,
                              boolean optimisePeers, boolean dialPrivate) {

    public static final long DEFAULT_MAX_CLOCK_SKEW_MS = 60_000;
    public static final int DEFAULT_SYNC_BATCH_BLOCKS = 500;
    public static final List<String> DEFAULT_LOCAL_ENDPOINTS =
            List.of("http://localhost:8080", "http://localhost:9080", "http://127.0.0.1:8080");

    public NetworkSettings {
        ownAddress = ownAddress.isBlank() ? "" : checked("this node's own address", ownAddress);
        seeds = seeds.stream().map(seed -> checked("seed", seed)).distinct().toList();
        localEndpoints = localEndpoints.stream().map(local -> checked("local endpoint", local)).distinct().toList();
        if (maxClockSkewMs <= 0) {
            throw new IllegalArgumentException("the clock skew allowed must be positive");
        }
        if (syncBatchBlocks < 1) {
            throw new IllegalArgumentException("a sync batch must ask for at least one block");
        }
    }

    /**
     * Settings without the network optimizer, dialling private addresses learnt from peers only when this node is on
     * a private network itself (see {@link #onAPrivateNetwork}).
     */
    public NetworkSettings(String ownAddress, String mode, String software, List<String> seeds, List<String> localEndpoints,
                           PeerLimits limits, long maxClockSkewMs, int syncBatchBlocks) {
        this(ownAddress, mode, software, seeds, localEndpoints, limits, maxClockSkewMs, syncBatchBlocks, false,
                onAPrivateNetwork(ownAddress, seeds));
    }

    public NetworkSettings withOptimisedPeers() {
        return new NetworkSettings(ownAddress, mode, software, seeds, localEndpoints, limits, maxClockSkewMs, syncBatchBlocks,
                true, dialPrivate);
    }

    public NetworkSettings withPrivateAddressesDialled(boolean dial) {
        return new NetworkSettings(ownAddress, mode, software, seeds, localEndpoints, limits, maxClockSkewMs, syncBatchBlocks,
                optimisePeers, dial);
    }

    /**
     * Whether a node is on a private network, where its peers' private addresses are the ones to dial: its own
     * address is private or loopback, or, if it does not listen, its first seed is (or it has none).
     */
    public static boolean onAPrivateNetwork(String ownAddress, List<String> seeds) {
        String where = !ownAddress.isBlank() ? ownAddress : seeds.isEmpty() ? "" : seeds.get(0);
        return where.isBlank() || PeerAddress.isValid(where) && PeerAddress.isPrivate(where);
    }

    private static String checked(String what, String address) {
        try {
            return PeerAddress.normalise(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The " + what + " " + e.getMessage(), e);
        }
    }
}
