package io.vantaechonebula.node.mining;

import io.vantaechonebula.node.config.SettingsSource;
import java.util.List;
import java.util.Set;

/**
 * How the server mines (docs/configuration.md), read once at start.
 *
 * @param threads miner threads per mined chain; 0 mines nothing
 * @param chains  the chains mined, by name; by default every chain the node runs
 */
record MiningSettings(boolean enabled, int threads, Set<String> chains) {

    static MiningSettings from(SettingsSource settings, List<String> chainsRun) {
        return new MiningSettings(settings.flag("vanta.mining.enabled", true), settings.count("vanta.mining.threads", 1),
                Set.copyOf(settings.list("vanta.mining.chains").orElse(chainsRun)));
    }
}
