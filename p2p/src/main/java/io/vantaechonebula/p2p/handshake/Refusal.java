package io.vantaechonebula.p2p.handshake;

/** Why a node will not talk with another, with what the other can do about it. */
public record Refusal(Reason reason, String detail) {

    /** The kinds of refusal; the code is what goes over the wire. */
    public enum Reason {
        /** The hello's signature does not verify, or its node id is not its key's address. */
        NOT_AUTHENTIC("not-authentic"),
        /** The hello comes from this node itself. */
        SELF("self"),
        /** The protocol versions differ. */
        VERSION("incompatible-version"),
        /** The hello gives an address that is not {@code http(s)://host:port} (P10). */
        BAD_ADDRESS("bad-address"),
        /** The clocks are too far apart for the chains' timestamp rules. */
        CLOCK("clock-skew"),
        /** A chain both have grew from different genesis blocks. */
        GENESIS("genesis-mismatch"),
        /** The two nodes have no chain in common. */
        NO_SHARED_CHAIN("no-shared-chain"),
        /** This node already has as many peers as it is configured for. */
        PEER_LIMIT("peer-limit"),
        /** The node is banned for a while for what it sent. */
        BANNED("banned"),
        /** A request came from a node that has not said hello. */
        UNKNOWN_PEER("unknown-peer"),
        /** A request's signature does not verify, is too old, or is for another node. */
        BAD_REQUEST_SIGNATURE("bad-request-signature"),
        /** A signed request came before: its nonce is used (P10). */
        REPLAYED("replayed"),
        /** The peer sends more requests than it is allowed. */
        RATE_LIMITED("rate-limited");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static java.util.Optional<Reason> ofCode(String code) {
            return java.util.Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
        }
    }

    @Override
    public String toString() {
        return reason.code() + ": " + detail;
    }
}
