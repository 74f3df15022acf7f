package io.vantaechonebula.web.console.peers;

import io.vantaechonebula.node.api.NodeOperations;
import io.vantaechonebula.p2p.peer.PeerView;
import io.vantaechonebula.pool.api.AuditOperations;
import io.vantaechonebula.web.console.ConsoleUser;
import io.vantaechonebula.web.console.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The Peers page, read once per request, and an admin lifting a ban (audited). */
@Named
@RequestScoped
public class PeersBean {

    @EJB
    private NodeOperations node;

    @EJB
    private AuditOperations audit;

    @Inject
    private ConsoleUser user;

    private List<PeerView> peers;

    public boolean isEnabled() {
        return node.p2pEnabled();
    }

    public String getAddress() {
        return node.p2pAddress();
    }

    public List<PeerView> getPeers() {
        if (peers == null) {
            peers = node.peers();
        }
        return peers;
    }

    public void liftBan(String nodeId) {
        user.requireAdmin();
        if (nodeId == null || nodeId.isBlank() || nodeId.length() > 128) {
            Messages.error("Which peer? Its node id did not come with the click; reload the page.");
            return;
        }
        if (node.liftBan(nodeId)) {
            audit.record(user.actor(), "peer-ban-lifted", nodeId, null);
            Messages.info("Lifted the ban on peer " + nodeId + "; it is dialled again with a fresh standing.");
        } else {
            Messages.warn("Peer " + nodeId + " is not banned (any more), or no longer known; nothing was changed.");
        }
        peers = null;
    }
}
