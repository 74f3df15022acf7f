package io.vantaechonebula.pool.config;

import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whether this server runs the pool: a full node does (docs/configuration.md, {@code vanta.node.mode});
 * a simple or basic one runs its chains only, and sends its telemetry to a full node's pool.
 */
public final class PoolRole {

    private PoolRole() {
    }

    public static boolean runsHere() {
        return runsHere(ConfigProvider.getConfig(PoolRole.class.getClassLoader()));
    }

    static boolean runsHere(Config config) {
        return mode(config).equals("full");
    }

    /** Why this server takes no telemetry, for the errors that say so. */
    public static String offReason() {
        return "this node runs in mode " + mode(ConfigProvider.getConfig(PoolRole.class.getClassLoader()))
                + " (vanta.node.mode), so its pool is off; send telemetry to a full node's pool";
    }

    private static String mode(Config config) {
        Optional<String> mode = config.getOptionalValue("vanta.node.mode", String.class);
        return mode.map(text -> text.trim().toLowerCase(Locale.ROOT)).orElse("full");
    }
}
