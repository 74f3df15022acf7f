package io.vantaechonebula.node.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a node runs: {@code full} (chains, pool, agents, console), {@code simple}, or {@code basic}. */
public enum NodeMode {
    FULL, SIMPLE, BASIC;

    public static NodeMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("vanta.node.mode (env NODE_MODE) must be one of "
                    + Arrays.stream(values()).map(NodeMode::id).collect(Collectors.joining(", ")) + ", got '" + text + "'");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
