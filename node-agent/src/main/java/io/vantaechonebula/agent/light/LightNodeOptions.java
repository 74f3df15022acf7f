package io.vantaechonebula.agent.light;

import io.vantaechonebula.chain.fork.Blockchain;
import java.nio.file.Path;
import java.util.List;

/**
 * How a light node runs.
 *
 * @param mode              basic, or simple: basic with the Transaction Analyzer and the network optimizer
 * @param bindHost          the interface its HTTP server listens on
 * @param port              its port; 0 takes a free one
 * @param advertisedHost    the host peers reach it at, in its address
 * @param syncIntervalSeconds seconds between rounds of pinging peers, dialling and syncing
 * @param localEndpoints    addresses on this machine where a node may run, tried once one answers as a node
 * @param storageLimitBytes what the store's blocks may take; beyond, the transactions of old final blocks go
 * @param chains            the chains it runs, as {@code --network} ({@code NETWORK}) chose them
 * @param maxReorgDepth     how deep below the head a side block is kept, and so the deepest re-organisation (F6)
 */
public record LightNodeOptions(Path stateDir, String mode, String software, String bindHost, int port, String advertisedHost,
                               List<String> seeds, List<String> localEndpoints, boolean mining, long syncIntervalSeconds,
                               int maxPeers, long storageLimitBytes, List<String> chains, int maxReorgDepth) {

    /** Options with the default reorganisation depth. */
    public LightNodeOptions(Path stateDir, String mode, String software, String bindHost, int port, String advertisedHost,
                            List<String> seeds, List<String> localEndpoints, boolean mining, long syncIntervalSeconds,
                            int maxPeers, long storageLimitBytes, List<String> chains) {
        this(stateDir, mode, software, bindHost, port, advertisedHost, seeds, localEndpoints, mining, syncIntervalSeconds,
                maxPeers, storageLimitBytes, chains, Blockchain.DEFAULT_MAX_REORG_DEPTH);
    }

    public LightNodeOptions {
        seeds = List.copyOf(seeds);
        chains = List.copyOf(chains);
        if (chains.isEmpty()) {
            throw new IllegalArgumentException("a light node runs at least one chain");
        }
        localEndpoints = List.copyOf(localEndpoints);
        if (!mode.equals("basic") && !mode.equals("simple")) {
            throw new IllegalArgumentException("a light node runs in mode basic (chains) or simple (chains, transaction "
                    + "analyzer and network optimizer), not '" + mode + "'");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port);
        }
        if (syncIntervalSeconds < 1) {
            throw new IllegalArgumentException("the sync interval must be at least 1 second, not " + syncIntervalSeconds);
        }
        if (storageLimitBytes < 1) {
            throw new IllegalArgumentException("the storage limit must be positive, not " + storageLimitBytes);
        }
        if (maxPeers < 1) {
            throw new IllegalArgumentException("max peers must be at least 1, not " + maxPeers);
        }
        if (maxReorgDepth < 1) {
            throw new IllegalArgumentException("--max-reorg-depth must be at least 1 block, not " + maxReorgDepth);
        }
    }

    public boolean simple() {
        return mode.equals("simple");
    }
}
