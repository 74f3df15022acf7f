package io.vantaechonebula.p2p.handshake;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Ed25519PublicKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.crypto.Hex;
import io.vantaechonebula.chain.encoding.CanonicalWriter;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a node proves that a request after the handshake is its own, and meant for its recipient once
 * (docs/p2p-spec.md §3, P10): it signs the method, the path with its query, the recipient's node id, the
 * time, a fresh random nonce and the hash of the body with its node key, and sends them in the headers
 * {@value #NODE_HEADER}, {@value #TO_HEADER}, {@value #TIME_HEADER}, {@value #NONCE_HEADER} and
 * {@value #SIGNATURE_HEADER}.
 *
 * @param sender    the signer's node id
 * @param recipient the node id of the node the request is for
 * @param nonce     {@value #NONCE_BYTES} random bytes, never used twice by a sender
 */
public record SignedRequest(String sender, String recipient, long timestampMs, byte[] nonce, byte[] signature) {

    public static final String NODE_HEADER = "X-Vanta-Node";
    public static final String TO_HEADER = "X-Vanta-To";
    public static final String TIME_HEADER = "X-Vanta-Time";
    public static final String NONCE_HEADER = "X-Vanta-Nonce";
    public static final String SIGNATURE_HEADER = "X-Vanta-Signature";
    public static final int NONCE_BYTES = 16;
    private static final String DOMAIN = "vanta-p2p-request-2";
    private static final SecureRandom NONCES = new SecureRandom();

    public SignedRequest {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("a request's nonce has " + NONCE_BYTES + " bytes, not " + nonce.length);
        }
        nonce = nonce.clone();
        signature = signature.clone();
    }

    /** The request signed now by {@code key} for the node {@code recipient}, with a fresh nonce. */
    public static SignedRequest sign(Ed25519PrivateKey key, String recipient, String method, String pathAndQuery,
                                     long timestampMs, byte[] body) {
        byte[] nonce = new byte[NONCE_BYTES];
        NONCES.nextBytes(nonce);
        byte[] signature = key.sign(signedBytes(method, pathAndQuery, recipient, timestampMs, nonce, body));
        return new SignedRequest(key.publicKey().address().hex(), recipient, timestampMs, nonce, signature);
    }

    /** The headers that carry it. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(NODE_HEADER, sender);
        headers.put(TO_HEADER, recipient);
        headers.put(TIME_HEADER, Long.toString(timestampMs));
        headers.put(NONCE_HEADER, Hex.encode(nonce));
        headers.put(SIGNATURE_HEADER, Hex.encode(signature));
        return headers;
    }

    /** Whether {@code key} signed this request as the one with this method, path and body. */
    public boolean isSignedBy(Ed25519PublicKey key, String method, String pathAndQuery, byte[] body) {
        return key.verifies(signedBytes(method, pathAndQuery, recipient, timestampMs, nonce, body), signature);
    }

    static byte[] signedBytes(String method, String pathAndQuery, String recipient, long timestampMs, byte[] nonce,
                              byte[] body) {
        return new CanonicalWriter(160).text(DOMAIN).text(method).text(pathAndQuery).text(recipient).i64(timestampMs)
                .fixed(nonce, NONCE_BYTES).fixed(Hash.sha256(body).bytes(), Hash.LENGTH_BYTES).toByteArray();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
