package io.vantaechonebula.pool.identity;

import io.vantaechonebula.chain.crypto.Ed25519PublicKey;
import io.vantaechonebula.chain.crypto.Hex;
import io.vantaechonebula.pool.api.SenderRefusedException;
import io.vantaechonebula.pool.api.SenderVerdict;
import io.vantaechonebula.pool.api.SignedMessage;
import io.vantaechonebula.pool.config.IntakeSettings;
import io.vantaechonebula.telemetry.signing.ContentDigest;
import io.vantaechonebula.telemetry.signing.MessageSignature;
import io.vantaechonebula.telemetry.signing.ReplayGuard;
import io.vantaechonebula.telemetry.signing.SignatureCheck;
import io.vantaechonebula.telemetry.signing.SignatureException;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides who each payload is from. A node id with a registered key is written only with that key's
 * signature; a revoked one not at all; one without a key is taken as unverified while
 * {@code vanta.pool.accept-unverified} is true. The keys are cached for a few seconds, and the
 * replay guard is shared by the HTTP door and the JMS intake.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SenderChecks {

    private static final long CACHE_MILLIS = 5_000;
    private static final int MAX_CACHED = 100_000;

    /** A node id's key as last read: none, standing, or revoked. */
    private record KeyState(Ed25519PublicKey key, String revokedBy, long readAtMs) {
    }

    private final SignatureCheck check = new SignatureCheck(Clock.systemUTC(), new ReplayGuard());
    private final Map<String, KeyState> keys = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    /**
     * @param deliveryId the JMS message id where the payload came over JMS (a redelivery is no replay), else null
     */
    public SenderVerdict verdict(String nodeId, SignedMessage message, byte[] body, String deliveryId) throws SenderRefusedException {
        KeyState state = keyOf(nodeId);
        if (state.revokedBy() != null) {
            throw new SenderRefusedException("node " + nodeId + "'s key was revoked by " + state.revokedBy()
                    + "; nothing is taken for it until an admin binds a key to it again (docs/security.md)");
        }
        if (state.key() == null) {
            if (!IntakeSettings.current().acceptUnverified()) {
                throw new SenderRefusedException("node " + nodeId + " has registered no key, and this pool takes telemetry only"
                        + " from registered nodes (vanta.pool.accept-unverified=false): register the node's key with"
                        + " POST /api/v1/nodes/registrations, which ./vanta node does by itself (docs/ingest.md)");
            }
            return SenderVerdict.UNVERIFIED;
        }
        if (!message.signed()) {
            throw new SenderRefusedException("node " + nodeId + " registered a key, so its telemetry must be signed with it"
                    + " (HTTP Message Signatures, RFC 9421, docs/ingest.md); this unsigned payload stored nothing");
        }
        prove(state.key(), nodeId, message, body, deliveryId);
        return SenderVerdict.VERIFIED;
    }

    /** Checks that the message is signed by this key, for this node id: proof that the sender holds the key. */
    public void prove(Ed25519PublicKey key, String nodeId, SignedMessage message, byte[] body, String deliveryId)
            throws SenderRefusedException {
        try {
            ContentDigest.check(message.contentDigest(), body);
            MessageSignature.Claimed claimed = MessageSignature.read(message.signatureInput(), message.signature());
            if (!claimed.keyId().equals(nodeId)) {
                throw new SignatureException("the signature's keyid is " + claimed.keyId() + ", but the payload is node "
                        + nodeId + "'s: a node signs with its own id");
            }
            boolean http = message.method() != null;
            List<String> required = http ? MessageSignature.HTTP_COMPONENTS : MessageSignature.MESSAGE_COMPONENTS;
            check.check(claimed, key, component -> switch (component) {
                case "@method" -> Optional.ofNullable(message.method());
                case "@path" -> Optional.ofNullable(message.path());
                case "content-digest" -> Optional.ofNullable(message.contentDigest());
                default -> Optional.empty();
            }, required, deliveryId, http ? SignatureCheck.MAX_AGE_SECONDS : SignatureCheck.QUEUED_MAX_AGE_SECONDS);
        } catch (SignatureException e) {
            throw new SenderRefusedException("node " + nodeId + "'s signature does not hold: " + e.getMessage());
        }
    }

    /** Reads the node id's key again at its next use (after a registration, revocation or re-binding). */
    public void forget(String nodeId) {
        keys.remove(nodeId);
    }

    private KeyState keyOf(String nodeId) {
        long now = System.currentTimeMillis();
        KeyState cached = keys.get(nodeId);
        if (cached != null && now - cached.readAtMs() < CACHE_MILLIS) {
            return cached;
        }
        NodeKey stored = em.find(NodeKey.class, nodeId);
        KeyState state = stored == null ? new KeyState(null, null, now)
                : new KeyState(new Ed25519PublicKey(Hex.decode(stored.publicKey())),
                        stored.revoked() ? stored.toView().revokedBy() + " at " + Instant.ofEpochMilli(stored.toView().revokedAtMs()) : null, now);
        if (keys.size() >= MAX_CACHED) {
            // Fresh node ids by the thousand must not grow the cache without end: start it afresh.
            keys.clear();
        }
        keys.put(nodeId, state);
        return state;
    }
}
