package io.vantaechonebula.node.chain;

import io.vantaechonebula.chain.store.ByteSize;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How the server runs its chains (docs/configuration.md), read once at start.
 *
 * @param storageLimitBytes what the chains' blocks may take ({@code vanta.storage.limit}, {@code STORAGE_LIMIT});
 *                          empty keeps every block
 */
record ChainSettings(int mempoolCapacity, long roundTimeoutMs, OptionalLong storageLimitBytes,
                     Function<String, Optional<Path>> paramsFile) {

    /**
     * Three full blocks. Block intervals are exponential: one in seven takes more than twice the
     * target, so a mempool that holds one block's worth turns payers away whenever a block is late.
     */
    static final int DEFAULT_MEMPOOL_CAPACITY = 150_000;
    static final long DEFAULT_ROUND_TIMEOUT_SECONDS = 10;

    static ChainSettings fromConfig() {
        Config config = ConfigProvider.getConfig(ChainSettings.class.getClassLoader());
        return from(key -> config.getOptionalValue(key, String.class));
    }

    /** @param values a setting's value by its key, empty when it is not set */
    static ChainSettings from(Function<String, Optional<String>> values) {
        int capacity = values.apply("vanta.mempool.capacity").map(text -> positive("vanta.mempool.capacity", text))
                .orElse((long) DEFAULT_MEMPOOL_CAPACITY).intValue();
        long roundTimeoutSeconds = values.apply("vanta.finality.round-timeout-seconds")
                .map(text -> positive("vanta.finality.round-timeout-seconds", text)).orElse(DEFAULT_ROUND_TIMEOUT_SECONDS);
        OptionalLong storageLimit = values.apply("vanta.storage.limit").filter(text -> !text.isBlank())
                .map(text -> OptionalLong.of(ByteSize.parse(text.trim(), "vanta.storage.limit (STORAGE_LIMIT)")))
                .orElse(OptionalLong.empty());
        return new ChainSettings(capacity, roundTimeoutSeconds * 1000, storageLimit,
                chain -> values.apply("vanta.chain." + chain + ".params-file").map(Path::of));
    }

    private static long positive(String key, String text) {
        try {
            long value = Long.parseLong(text.trim());
            if (value > 0 && value <= Integer.MAX_VALUE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Said below, with the key.
        }
        throw new IllegalArgumentException(key + " takes a positive whole number, not '" + text + "'");
    }
}
