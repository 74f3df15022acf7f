package io.vantaechonebula.node.chain;

import io.vantaechonebula.chain.fork.Blockchain;
import io.vantaechonebula.chain.store.ByteSize;
import io.vantaechonebula.node.config.SettingsSource;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * How the server runs its chains (docs/configuration.md), read once at start.
 *
 * @param storageLimitBytes what the chains' blocks may take ({@code vanta.storage.limit}, {@code STORAGE_LIMIT});
 *                          empty keeps every block
 */
record ChainSettings(int mempoolCapacity, int maxReorgDepth, long roundTimeoutMs, OptionalLong storageLimitBytes,
                     Function<String, Optional<Path>> paramsFile) {

    /**
     * Three full blocks. Block intervals are exponential: one in seven takes more than twice the
     * target, so a mempool that holds one block's worth turns payers away whenever a block is late.
     */
    static final int DEFAULT_MEMPOOL_CAPACITY = 150_000;
    static final int DEFAULT_ROUND_TIMEOUT_SECONDS = 10;

    /** @param settings the server's settings by key */
    static ChainSettings from(SettingsSource settings) {
        OptionalLong storageLimit = settings.text("vanta.storage.limit")
                .map(text -> OptionalLong.of(ByteSize.parse(text, "vanta.storage.limit (STORAGE_LIMIT)")))
                .orElse(OptionalLong.empty());
        return new ChainSettings(settings.positive("vanta.mempool.capacity", DEFAULT_MEMPOOL_CAPACITY),
                settings.positive("vanta.chain.max-reorg-depth", Blockchain.DEFAULT_MAX_REORG_DEPTH),
                1000L * settings.positive("vanta.finality.round-timeout-seconds", DEFAULT_ROUND_TIMEOUT_SECONDS),
                storageLimit, chain -> settings.text("vanta.chain." + chain + ".params-file").map(Path::of));
    }
}
