package io.vantaechonebula.p2p.peer;

/**
 * A token bucket: a peer may make {@code perSecond} requests a second, in bursts of up to
 * {@code burst}. Not thread-safe: {@link Peer} guards it.
 */
final class RequestRate {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private long lastMs;

    RequestRate(double perSecond, double burst, long nowMs) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a request rate needs a positive rate and a burst of at least one");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastMs = nowMs;
    }

    boolean tryTake(long nowMs) {
        tokens = Math.min(burst, tokens + Math.max(0, nowMs - lastMs) / 1000.0 * perSecond);
        lastMs = nowMs;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
