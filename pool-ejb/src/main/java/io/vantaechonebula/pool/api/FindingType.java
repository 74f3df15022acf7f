package io.vantaechonebula.pool.api;

import java.util.Locale;

/** An alert is one agent's observation; an insight correlates several of them into one story. */
public enum FindingType {
    ALERT,
    INSIGHT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
