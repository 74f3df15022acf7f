package io.vantaechonebula.node.config;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The short environment variables operators know from the node software ({@code NODE_MODE},
 * {@code MINING_ENABLED}, …) as the {@code vanta.*} keys they stand for. The standard
 * {@code VANTA_NODE_MODE} form still works and wins, through MicroProfile's own environment source.
 */
public class EnvironmentAliasConfigSource implements ConfigSource {

    /** Below the environment (300) and system properties (400), above the application's files (100). */
    static final int ORDINAL = 250;

    static final Map<String, String> ALIASES = Map.of(
            "NODE_MODE", "vanta.node.mode",
            "NETWORK", "vanta.node.network",
            "MINING_ENABLED", "vanta.mining.enabled",
            "SYNC_INTERVAL", "vanta.p2p.sync-interval-seconds",
            "MAX_PEERS", "vanta.p2p.max-peers",
            "STORAGE_LIMIT", "vanta.storage.limit");

    private final Function<String, String> environment;

    public EnvironmentAliasConfigSource() {
        this(System::getenv);
    }

    EnvironmentAliasConfigSource(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Map<String, String> getProperties() {
        return ALIASES.entrySet().stream()
                .filter(alias -> environment.apply(alias.getKey()) != null)
                .collect(Collectors.toMap(Map.Entry::getValue, alias -> environment.apply(alias.getKey())));
    }

    @Override
    public Set<String> getPropertyNames() {
        return getProperties().keySet();
    }

    @Override
    public String getValue(String key) {
        return ALIASES.entrySet().stream()
                .filter(alias -> alias.getValue().equals(key))
                .map(alias -> environment.apply(alias.getKey()))
                .filter(value -> value != null)
                .findFirst()
                .orElse(null);
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return "VantaEchoNebula environment aliases";
    }
}
