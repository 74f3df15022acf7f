package io.vantaechonebula.telemetry.signing;

import io.vantaechonebula.chain.crypto.Ed25519PublicKey;
import java.time.Clock;
import java.util.List;

/**
 * Checks a claimed signature as the pool takes it: made inside the window, not expired, verifying
 * with the node's key over what the message carries, and not seen before.
 */
public final class SignatureCheck {

    /** How old a signature over HTTP may be: a node signs when it sends, and a retry may take a while. */
    public static final long MAX_AGE_SECONDS = 300;
    /**
     * How old a signature on a JMS message may be: the message may wait on the broker while the pool
     * catches up, is paused, or its database is away.
     */
    public static final long QUEUED_MAX_AGE_SECONDS = 86_400;
    /** How far ahead of the pool's clock a node's clock may be. */
    public static final long MAX_AHEAD_SECONDS = 60;

    private final Clock clock;
    private final ReplayGuard replays;

    public SignatureCheck(Clock clock, ReplayGuard replays) {
        this.clock = clock;
        this.replays = replays;
    }

    /** A signature over HTTP: at most {@value #MAX_AGE_SECONDS} s old. */
    public void check(MessageSignature.Claimed claimed, Ed25519PublicKey key, MessageSignature.Components message,
                      List<String> required, String deliveryId) throws SignatureException {
        check(claimed, key, message, required, deliveryId, MAX_AGE_SECONDS);
    }

    /**
     * @param deliveryId the transport's id of this delivery (a JMS message id), or null
     * @param maxAgeSeconds how old the signature may be
     */
    public void check(MessageSignature.Claimed claimed, Ed25519PublicKey key, MessageSignature.Components message,
                      List<String> required, String deliveryId, long maxAgeSeconds) throws SignatureException {
        long now = clock.instant().getEpochSecond();
        if (claimed.created() < now - maxAgeSeconds) {
            throw new SignatureException("the signature was created " + (now - claimed.created()) + " s ago; at most "
                    + maxAgeSeconds + " s are taken: sign each request as it is sent, and check the node's clock (NTP)");
        }
        if (claimed.created() > now + MAX_AHEAD_SECONDS) {
            throw new SignatureException("the signature was created " + (claimed.created() - now) + " s ahead of the pool's"
                    + " clock; at most " + MAX_AHEAD_SECONDS + " s are taken: check the node's clock (NTP)");
        }
        if (claimed.expires() != null && claimed.expires() < now) {
            throw new SignatureException("the signature expired " + (now - claimed.expires()) + " s ago");
        }
        claimed.verify(key, message, required);
        // Remembered while a copy would still be taken over HTTP; longer only costs memory.
        replays.firstUse(claimed.signature(), Math.min(claimed.created() + maxAgeSeconds, now + MAX_AGE_SECONDS), deliveryId, now);
    }
}
