package io.vantaechonebula.p2p;

import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.handshake.Hello;
import io.vantaechonebula.p2p.peer.Peer;
import io.vantaechonebula.p2p.sync.SyncBatch;
import java.util.List;

/** This node's calls to other nodes (docs/p2p-spec.md §3); the transport signs each call after the hello. */
public interface PeerClient {

    /** Whether a VantaEchoNebula node answers at the address (its {@code GET /api/v1/system/status}). */
    boolean isVantaNode(String address);

    /** Sends this node's hello; answers the other's. */
    Hello hello(String address, Hello ours) throws PeerCallException;

    void gossip(Peer to, Gossip gossip) throws PeerCallException;

    /**
     * The peer's main-chain blocks after the first locator hash on its main chain, oldest first, at
     * most {@code max}, with the certificates of those made final by one.
     */
    SyncBatch blocksAfter(Peer from, String chainId, List<Hash> locator, int max) throws PeerCallException;

    /** The addresses of the peer's own connected peers. */
    List<String> peerAddresses(Peer of) throws PeerCallException;
}
