package io.vantaechonebula.pool.api;

/**
 * A node id and the key that may write it.
 *
 * @param reboundBy the admin who bound this key to the id, null when the node registered it itself
 * @param revokedAtMs when an admin revoked it, 0 while it stands
 */
public record NodeRegistrationView(String nodeId, String publicKey, String nodeType, long registeredAtMs,
                                   String reboundBy, long revokedAtMs, String revokedBy) {

    public boolean revoked() {
        return revokedAtMs > 0;
    }
}
