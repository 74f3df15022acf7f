package io.vantaechonebula.pool.identity;

import io.vantaechonebula.pool.api.SenderVerdict;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the HTTP door checked, sealed onto the message it queues: an HMAC over the node id, the
 * verdict and the body under a key only the pool holds, so that the intake takes the door's word
 * and a producer on the broker cannot claim it. The key is made once and kept in the database, so
 * that what the door queued before a restart is still taken after it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DoorSeal {

    public static final String PROPERTY = "vanta_door_seal";
    private static final String ALGORITHM = "HmacSHA256";
    private static final String SECRET_NAME = "door-seal";

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    private SecretKeySpec key;

    @PostConstruct
    void loadKey() {
        PoolSecret stored = em.find(PoolSecret.class, SECRET_NAME);
        if (stored == null) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            stored = new PoolSecret(SECRET_NAME, Base64.getEncoder().encodeToString(secret));
            em.persist(stored);
        }
        key = new SecretKeySpec(Base64.getDecoder().decode(stored.secret()), ALGORITHM);
    }

    public String seal(String nodeId, SenderVerdict verdict, byte[] body) {
        return verdict.name() + ":" + Base64.getEncoder().encodeToString(mac(nodeId, verdict, body));
    }

    /** The verdict the door sealed onto this body for this node id, or empty when the seal is absent, stale or forged. */
    public Optional<SenderVerdict> unseal(String seal, String nodeId, byte[] body) {
        if (seal == null) {
            return Optional.empty();
        }
        int colon = seal.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        SenderVerdict verdict;
        byte[] claimed;
        try {
            verdict = SenderVerdict.valueOf(seal.substring(0, colon));
            claimed = Base64.getDecoder().decode(seal.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(claimed, mac(nodeId, verdict, body)) ? Optional.of(verdict) : Optional.empty();
    }

    private byte[] mac(String nodeId, SenderVerdict verdict, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((nodeId + "\n" + verdict.name() + "\n").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256 and SHA-256", e);
        }
    }
}
