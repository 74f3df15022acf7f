package io.vantaechonebula.pool.api;

import java.util.Locale;

/** How urgently a finding needs an operator. */
public enum Severity {
    /** Worth knowing; nothing to do yet. */
    INFO,
    /** Something is off and may get worse. */
    WARNING,
    /** The network or a node is harmed now. */
    CRITICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the severities there are */
    public static Severity of(String id) {
        for (Severity severity : values()) {
            if (severity.id().equals(id)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + id + "': use info, warning or critical");
    }
}
