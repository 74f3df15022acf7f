package io.vantaechonebula.pool.identity;

import io.vantaechonebula.pool.api.NodeRegistrationView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** The key registered for a node id: only it may write that id's telemetry. */
@Entity
@Table(name = "pool_node_key")
@NamedQuery(name = NodeKey.NEWEST, query = "SELECT k FROM NodeKey k ORDER BY k.registeredAtMs DESC, k.nodeId")
public class NodeKey {

    static final String NEWEST = "NodeKey.newest";

    @Id
    @Column(name = "node_id", length = 128)
    private String nodeId;

    @Column(name = "public_key", length = 64, nullable = false)
    private String publicKey;

    @Column(name = "node_type", length = 16, nullable = false)
    private String nodeType;

    @Column(name = "registered_at_ms", nullable = false)
    private long registeredAtMs;

    @Column(name = "rebound_by", length = 64)
    private String reboundBy;

    @Column(name = "revoked_at_ms", nullable = false)
    private long revokedAtMs;

    @Column(name = "revoked_by", length = 64)
    private String revokedBy;

    protected NodeKey() {
    }

    NodeKey(String nodeId, String publicKey, String nodeType, long registeredAtMs) {
        this.nodeId = nodeId;
        this.publicKey = publicKey;
        this.nodeType = nodeType;
        this.registeredAtMs = registeredAtMs;
    }

    String publicKey() {
        return publicKey;
    }

    boolean revoked() {
        return revokedAtMs > 0;
    }

    void revoke(String admin, long atMs) {
        revokedAtMs = atMs;
        revokedBy = admin;
    }

    void rebind(String key, String admin, long atMs) {
        publicKey = key;
        reboundBy = admin;
        registeredAtMs = atMs;
        revokedAtMs = 0;
        revokedBy = null;
    }

    NodeRegistrationView toView() {
        return new NodeRegistrationView(nodeId, publicKey, nodeType, registeredAtMs, reboundBy, revokedAtMs, revokedBy);
    }
}
