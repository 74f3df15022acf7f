package io.vantaechonebula.pool.identity;

import io.vantaechonebula.chain.crypto.Ed25519PublicKey;
import io.vantaechonebula.chain.crypto.Hex;
import io.vantaechonebula.pool.api.Actor;
import io.vantaechonebula.pool.api.NodeIdentityOperations;
import io.vantaechonebula.pool.api.NodeRegistrationView;
import io.vantaechonebula.pool.api.RegistrationConflictException;
import io.vantaechonebula.pool.api.SenderRefusedException;
import io.vantaechonebula.pool.api.SenderVerdict;
import io.vantaechonebula.pool.api.SignedMessage;
import io.vantaechonebula.pool.audit.AuditLog;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Registers, revokes and re-binds nodes' keys (each change audited) and checks payloads' senders. */
@Stateless
public class NodeIdentityOperationsBean implements NodeIdentityOperations {

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    @EJB
    private SenderChecks senders;

    @EJB
    private AuditLog audit;

    @Override
    public Registered register(String nodeId, String publicKeyHex, String nodeType, SignedMessage message, byte[] body)
            throws SenderRefusedException, RegistrationConflictException {
        Ed25519PublicKey key = new Ed25519PublicKey(Hex.decode(publicKeyHex));
        senders.prove(key, nodeId, message, body, null);
        NodeKey existing = em.find(NodeKey.class, nodeId, LockModeType.PESSIMISTIC_WRITE);
        if (existing == null) {
            NodeKey registered = new NodeKey(nodeId, publicKeyHex, nodeType, System.currentTimeMillis());
            em.persist(registered);
            senders.forget(nodeId);
            return new Registered(registered.toView(), true);
        }
        NodeRegistrationView view = existing.toView();
        if (existing.revoked()) {
            throw new RegistrationConflictException("node " + nodeId + "'s key was revoked by " + view.revokedBy() + " at "
                    + Instant.ofEpochMilli(view.revokedAtMs()) + "; only an admin can bind a key to it again"
                    + " (PUT /api/v1/nodes/registrations/" + nodeId + "/key)");
        }
        if (!existing.publicKey().equals(publicKeyHex)) {
            throw new RegistrationConflictException("node " + nodeId + " is bound to another key"
                    + (view.reboundBy() != null ? " by " + view.reboundBy() : "") + "; only an admin can change that");
        }
        return new Registered(view, false);
    }

    @Override
    public SenderVerdict checkSender(String nodeId, SignedMessage message, byte[] body) throws SenderRefusedException {
        return senders.verdict(nodeId, message, body, null);
    }

    @Override
    public Optional<NodeRegistrationView> registration(String nodeId) {
        return Optional.ofNullable(em.find(NodeKey.class, nodeId)).map(NodeKey::toView);
    }

    @Override
    public List<NodeRegistrationView> registrations(int limit) {
        return em.createNamedQuery(NodeKey.NEWEST, NodeKey.class).setMaxResults(limit).getResultList().stream()
                .map(NodeKey::toView).toList();
    }

    @Override
    public NodeRegistrationView revoke(String nodeId, Actor admin) throws NoSuchRegistrationException {
        NodeKey key = existing(nodeId);
        if (!key.revoked()) {
            key.revoke(admin.name(), System.currentTimeMillis());
            audit.record(admin, "node-key-revoked", nodeId, "key " + key.publicKey());
        }
        senders.forget(nodeId);
        return key.toView();
    }

    @Override
    public NodeRegistrationView rebind(String nodeId, String publicKeyHex, Actor admin) throws NoSuchRegistrationException {
        new Ed25519PublicKey(Hex.decode(publicKeyHex));
        NodeKey key = existing(nodeId);
        String before = key.publicKey();
        key.rebind(publicKeyHex, admin.name(), System.currentTimeMillis());
        audit.record(admin, "node-key-rebound", nodeId, "key " + before + " -> " + publicKeyHex);
        senders.forget(nodeId);
        return key.toView();
    }

    private NodeKey existing(String nodeId) throws NoSuchRegistrationException {
        NodeKey key = em.find(NodeKey.class, nodeId, LockModeType.PESSIMISTIC_WRITE);
        if (key == null) {
            throw new NoSuchRegistrationException("node " + nodeId + " has registered no key; GET /api/v1/nodes/registrations lists those that have");
        }
        return key;
    }
}
