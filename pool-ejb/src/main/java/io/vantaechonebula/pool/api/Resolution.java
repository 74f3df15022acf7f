package io.vantaechonebula.pool.api;

import java.util.Locale;

/** The sizes of the buckets raw samples are rolled up into. */
public enum Resolution {
    MINUTE(60_000L),
    HOUR(3_600_000L);

    private final long millis;

    Resolution(long millis) {
        this.millis = millis;
    }

    public long bucketStart(long timeMs) {
        return Math.floorDiv(timeMs, millis) * millis;
    }

    public long millis() {
        return millis;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
