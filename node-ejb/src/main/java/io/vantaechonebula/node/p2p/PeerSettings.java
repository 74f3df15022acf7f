package io.vantaechonebula.node.p2p;

import io.vantaechonebula.p2p.NetworkSettings;
import io.vantaechonebula.p2p.peer.PeerLimits;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** The peer-to-peer settings of docs/configuration.md, read once at start. */
record PeerSettings(boolean enabled, long syncIntervalSeconds, NetworkSettings network, long readyMaxBehind) {

    static final long DEFAULT_READY_MAX_BEHIND = 10;

    static PeerSettings from(Config config, String mode, String software) {
        boolean enabled = config.getOptionalValue("vanta.p2p.enabled", Boolean.class).orElse(true);
        long interval = config.getOptionalValue("vanta.p2p.sync-interval-seconds", Long.class).orElse(5L);
        long readyMaxBehind = config.getOptionalValue("vanta.p2p.ready-max-behind", Long.class).orElse(DEFAULT_READY_MAX_BEHIND);
        if (readyMaxBehind < 0) {
            throw new IllegalArgumentException("vanta.p2p.ready-max-behind must be 0 or more blocks, not " + readyMaxBehind);
        }
        if (interval < 1) {
            throw new IllegalArgumentException("vanta.p2p.sync-interval-seconds must be at least 1, not " + interval);
        }
        int maxPeers = config.getOptionalValue("vanta.p2p.max-peers", Integer.class).orElse(PeerLimits.DEFAULTS.maxPeers());
        long banMinutes = config.getOptionalValue("vanta.p2p.ban-minutes", Long.class).orElse(10L);
        double rate = config.getOptionalValue("vanta.p2p.requests-per-second", Double.class)
                .orElse(PeerLimits.DEFAULTS.requestsPerSecond());
        List<String> seeds = config.getOptionalValues("vanta.p2p.seeds", String.class).orElse(List.of()).stream()
                .map(String::trim).filter(seed -> !seed.isEmpty()).toList();
        String address = config.getOptionalValue("vanta.p2p.address", String.class).orElse("http://localhost:8080").trim();
        PeerLimits limits = new PeerLimits(maxPeers, banMinutes * 60_000, rate, Math.max(rate * 4, 1));
        NetworkSettings network = new NetworkSettings(address, mode, software, seeds, NetworkSettings.DEFAULT_LOCAL_ENDPOINTS,
                limits, NetworkSettings.DEFAULT_MAX_CLOCK_SKEW_MS, NetworkSettings.DEFAULT_SYNC_BATCH_BLOCKS);
        Optional<Boolean> dialPrivate = config.getOptionalValue("vanta.p2p.dial-private", Boolean.class);
        if (dialPrivate.isPresent()) {
            network = network.withPrivateAddressesDialled(dialPrivate.get());
        }
        // A simple node's network optimizer chooses its peers (docs/p2p-spec.md §6).
        return new PeerSettings(enabled, interval, mode.equals("simple") ? network.withOptimisedPeers() : network, readyMaxBehind);
    }
}
