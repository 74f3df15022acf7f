package io.vantaechonebula.p2p.peer;

/** Where this node stands with a peer. */
public enum PeerState {
    /** Hellos exchanged; gossip and sync flow. */
    CONNECTED,
    /** It stopped answering; it is tried again later and does not count against the peer limit. */
    UNREACHABLE,
    /** Refused for a while for what it sent. */
    BANNED
}
