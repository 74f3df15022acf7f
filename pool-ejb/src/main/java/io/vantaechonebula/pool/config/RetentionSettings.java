package io.vantaechonebula.pool.config;

import io.vantaechonebula.chain.store.ByteSize;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * How long and how much raw telemetry the pool keeps once rolled up (docs/configuration.md). Read again
 * at each pruning run, so a running server takes new bounds within a minute.
 *
 * @param retentionMs       {@code vanta.pool.raw-retention-hours}, in milliseconds
 * @param storageLimitBytes {@code vanta.pool.raw-storage-limit}
 * @param nodeRetentionMs   {@code vanta.pool.node-retention-hours}: a node silent this long is retired, in milliseconds
 */
public record RetentionSettings(long retentionMs, long storageLimitBytes, long nodeRetentionMs) {

    public static final long DEFAULT_RETENTION_HOURS = 7 * 24;
    public static final long DEFAULT_NODE_RETENTION_HOURS = 30 * 24;
    public static final long DEFAULT_STORAGE_LIMIT = 1L << 30;
    private static final long MOST_HOURS = TimeUnit.MILLISECONDS.toHours(Long.MAX_VALUE);

    /** The settings as the server's configuration holds them now. */
    public static RetentionSettings current() {
        return from(Settings.current());
    }

    static RetentionSettings from(Function<String, Optional<String>> values) {
        long hours = Math.min(MOST_HOURS,
                Settings.wholeNumber(values, "vanta.pool.raw-retention-hours", 0, DEFAULT_RETENTION_HOURS, "hours"));
        long bytes = ByteSize.parse(values.apply("vanta.pool.raw-storage-limit").map(String::trim)
                .filter(text -> !text.isEmpty()).orElse(String.valueOf(DEFAULT_STORAGE_LIMIT)), "vanta.pool.raw-storage-limit");
        long nodeHours = Math.min(MOST_HOURS,
                Settings.wholeNumber(values, "vanta.pool.node-retention-hours", 0, DEFAULT_NODE_RETENTION_HOURS, "hours"));
        return new RetentionSettings(TimeUnit.HOURS.toMillis(hours), bytes, TimeUnit.HOURS.toMillis(nodeHours));
    }
}
