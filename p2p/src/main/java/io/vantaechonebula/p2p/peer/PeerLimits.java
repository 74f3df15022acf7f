package io.vantaechonebula.p2p.peer;

/**
 * How many peers a node keeps and how much it takes from each.
 *
 * @param maxPeers          peers connected at once, inbound and outbound together
 * @param banMs             how long a peer whose reputation ran out is refused
 * @param requestsPerSecond requests a peer may make each second, on average
 * @param requestBurst      requests a peer may make at once
 */
public record PeerLimits(int maxPeers, long banMs, double requestsPerSecond, double requestBurst) {

    public static final PeerLimits DEFAULTS = new PeerLimits(10, 10 * 60_000, 50, 200);

    public PeerLimits {
        if (maxPeers < 1) {
            throw new IllegalArgumentException("max peers must be at least 1, not " + maxPeers);
        }
        if (banMs < 0) {
            throw new IllegalArgumentException("a ban cannot last a negative time: " + banMs + " ms");
        }
        if (requestsPerSecond <= 0 || requestBurst < 1) {
            throw new IllegalArgumentException("a peer must be allowed a positive request rate and a burst of at least 1");
        }
    }
}
