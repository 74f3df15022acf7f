package io.vantaechonebula.pool.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/** Nodes' keys: registration with proof of possession, the check of every payload's sender, and the admin's revocation and re-binding. */
@Local
public interface NodeIdentityOperations {

    /**
     * Registers a node's key; the request is signed by that key (proof of possession) and the node
     * id is the key's address. Registering the same key again changes nothing.
     *
     * @return the registration, and whether it is new
     */
    Registered register(String nodeId, String publicKeyHex, String nodeType, SignedMessage message, byte[] body)
            throws SenderRefusedException, RegistrationConflictException;

    record Registered(NodeRegistrationView registration, boolean created) {
    }

    /** Who a payload of this node id, as received over HTTP, is from; refused when it does not prove it. */
    SenderVerdict checkSender(String nodeId, SignedMessage message, byte[] body) throws SenderRefusedException;

    Optional<NodeRegistrationView> registration(String nodeId);

    List<NodeRegistrationView> registrations(int limit);

    /** Revokes the node's key: nothing more is taken for that id until an admin binds a key to it again. */
    NodeRegistrationView revoke(String nodeId, Actor admin) throws NoSuchRegistrationException;

    /** Binds another key to the node id (a node that lost its key keeps its history). */
    NodeRegistrationView rebind(String nodeId, String publicKeyHex, Actor admin) throws NoSuchRegistrationException;


    /** No registration for that node id. */
    class NoSuchRegistrationException extends Exception {
        public NoSuchRegistrationException(String message) {
            super(message);
        }
    }
}
