package io.vantaechonebula.web.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets by key (a source address, a node id, a user name): each holds up to {@code burst}
 * tokens and gains {@code perSecond} a second; a request takes one. At most {@value #MAX_KEYS}
 * keys are remembered, the longest unused forgotten first, so fresh keys by the million cost
 * bounded memory (a forgotten key starts again with a full bucket).
 */
public final class RateLimiter {

    static final int MAX_KEYS = 20_000;

    private static final class Bucket {
        double tokens;
        long atNanos;

        Bucket(double tokens, long atNanos) {
            this.tokens = tokens;
            this.atNanos = atNanos;
        }
    }

    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /**
     * Takes a token for the key.
     *
     * @return 0 when taken, else the whole seconds until one is there (at least 1)
     */
    public synchronized long take(String key, double perSecond, double burst, long nowNanos) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos));
        double elapsedSeconds = Math.max(0, nowNanos - bucket.atNanos) / 1e9;
        bucket.tokens = Math.min(burst, bucket.tokens + elapsedSeconds * perSecond);
        bucket.atNanos = nowNanos;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
    }

    /** Whether the key has no token now, without taking one. */
    public synchronized long waitFor(String key, double perSecond, double burst, long nowNanos) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return 0;
        }
        double tokens = Math.min(burst, bucket.tokens + Math.max(0, nowNanos - bucket.atNanos) / 1e9 * perSecond);
        return tokens >= 1 ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }

    synchronized int size() {
        return buckets.size();
    }
}
