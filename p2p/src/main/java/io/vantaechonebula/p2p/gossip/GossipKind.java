package io.vantaechonebula.p2p.gossip;

import java.util.Arrays;
import java.util.Optional;

/** What a gossip message carries; the code is its name on the wire. */
public enum GossipKind {
    TRANSACTION("transaction"),
    BLOCK("block"),
    VOTE("vote"),
    /** A node's signed warning of an anomalous transaction (docs/p2p-spec.md §6). */
    ALERT("alert");

    private final String code;

    GossipKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<GossipKind> ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
