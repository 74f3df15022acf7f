package io.vantaechonebula.p2p;

/** What this node did with a gossip message; the transport answers with it. */
public record GossipOutcome(Result result, String detail) {

    public enum Result {
        /** New and valid: taken and passed on. */
        ACCEPTED,
        /** Seen before; nothing done. */
        KNOWN,
        /** Not taken for a reason that is nobody's fault (a chain this node does not run, a block whose parent is missing). */
        NOT_TAKEN,
        /** Invalid: it cost the sender reputation. */
        REJECTED
    }

    static GossipOutcome of(Result result, String detail) {
        return new GossipOutcome(result, detail);
    }
}
