package io.vantaechonebula.pool.config;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether this server runs the pool: a full node does (docs/configuration.md, {@code vanta.node.mode});
 * a simple or basic one runs its chains only, and sends its telemetry to a full node's pool.
 */
public final class PoolRole {

    private PoolRole() {
    }

    /** Read once: the node's mode is fixed from its start. */
    private static final class Mode {
        static final String VALUE = mode(Settings.current());
    }

    public static boolean runsHere() {
        return runsIn(Mode.VALUE);
    }

    /** Why this server takes no telemetry, for the errors that say so. */
    public static String offReason() {
        return "this node runs in mode " + Mode.VALUE + " (vanta.node.mode), so its pool is off; send telemetry to a full"
                + " node's pool";
    }

    static boolean runsIn(String mode) {
        return mode.equals("full");
    }

    static String mode(Function<String, Optional<String>> values) {
        return values.apply("vanta.node.mode").map(text -> text.trim().toLowerCase(Locale.ROOT)).filter(text -> !text.isEmpty())
                .orElse("full");
    }
}
