package io.vantaechonebula.node.p2p;

import io.vantaechonebula.node.api.NodeOperations;
import io.vantaechonebula.node.api.NodeStatus;
import io.vantaechonebula.node.api.P2pCounts;
import io.vantaechonebula.node.config.NodeMode;
import io.vantaechonebula.node.identity.NodeIdentity;
import io.vantaechonebula.p2p.http.P2pHttpApi;
import io.vantaechonebula.p2p.peer.PeerView;
import io.vantaechonebula.p2p.sync.SyncStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@link NodeOperations} over the node's identity and its peer service; a peer's request begins its own transactions. */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class NodeOperationsBean implements NodeOperations {

    @EJB
    private NodeIdentity identity;

    @EJB
    private PeerService peers;

    @Override
    public NodeStatus status() {
        NodeMode mode = identity.settings().mode();
        return new NodeStatus(identity.version(), identity.nodeId(), mode.id(), mode == NodeMode.FULL,
                identity.settings().chains(), identity.startedAt());
    }

    @Override
    public String p2pAddress() {
        return peers.address();
    }

    @Override
    public boolean p2pEnabled() {
        return peers.enabled();
    }

    @Override
    public List<PeerView> peers() {
        return peers.peers();
    }

    @Override
    public boolean liftBan(String nodeId) {
        return peers.liftBan(nodeId);
    }

    @Override
    public int connectedPeers() {
        return peers.connectedPeers();
    }

    @Override
    public List<SyncStatus> sync() {
        return peers.sync();
    }

    @Override
    public P2pCounts p2pCounts() {
        return peers.counts();
    }

    @Override
    public long readyMaxBehind() {
        return peers.readyMaxBehind();
    }

    @Override
    public P2pHttpApi.Answer handlePeerRequest(String method, String path, String query,
                                               Function<String, Optional<String>> header, byte[] body,
                                               String remoteHost) {
        return peers.api().handle(method, path, query, header, body, remoteHost);
    }

    @Override
    public P2pHttpApi.Admission admitPeerRequest(String method, String path, Function<String, Optional<String>> header) {
        return peers.api().admit(method, path, header);
    }
}
