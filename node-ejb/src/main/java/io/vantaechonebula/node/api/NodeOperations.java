package io.vantaechonebula.node.api;

import io.vantaechonebula.p2p.http.P2pHttpApi;
import io.vantaechonebula.p2p.peer.PeerView;
import io.vantaechonebula.p2p.sync.SyncStatus;
import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** This node as the interface tier sees it: who it is, and its place in the peer-to-peer network. */
@Local
public interface NodeOperations {

    NodeStatus status();

    /** The base URL peers reach this node at. */
    String p2pAddress();

    boolean p2pEnabled();

    List<PeerView> peers();

    int connectedPeers();

    /**
     * Lifts a peer's ban (and its host's), so that it is dialled and may call again with a fresh standing.
     *
     * @return whether the peer was known and banned
     */
    boolean liftBan(String nodeId);

    /** Each chain's height against the best its peers report, and its sync. */
    List<SyncStatus> sync();

    /** Bans and bytes since the node started. */
    P2pCounts p2pCounts();

    /** How many blocks a chain may be behind its peers while the node reports ready ({@code vanta.p2p.ready-max-behind}). */
    long readyMaxBehind();

    /** Answers a peer-to-peer request arriving over HTTP (docs/p2p-spec.md). */
    /** @param remoteHost the host the request came from, as the connection shows it (docs/p2p-spec.md P8) */
    P2pHttpApi.Answer handlePeerRequest(String method, String path, String query,
                                        Function<String, Optional<String>> header, byte[] body, String remoteHost);

    /** What of a peer-to-peer request's body may be read, from its method, path and headers alone (docs/p2p-spec.md P6). */
    P2pHttpApi.Admission admitPeerRequest(String method, String path, Function<String, Optional<String>> header);
}
