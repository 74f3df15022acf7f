package io.vantaechonebula.p2p.handshake;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.encoding.CanonicalWriter;

/**
 * How a node proves that a request after the handshake is its own (docs/p2p-spec.md §3): it signs
 * the method, the path with its query, the time and the hash of the body with its node key, and
 * sends node id, time and signature in the headers {@value #NODE_HEADER}, {@value #TIME_HEADER} and
 * {@value #SIGNATURE_HEADER}.
 */
public final class SignedRequest {

    public static final String NODE_HEADER = "X-Vanta-Node";
    public static final String TIME_HEADER = "X-Vanta-Time";
    public static final String SIGNATURE_HEADER = "X-Vanta-Signature";
    private static final String DOMAIN = "vanta-p2p-request";

    private SignedRequest() {
    }

    public static byte[] signedBytes(String method, String pathAndQuery, long timestampMs, byte[] body) {
        return new CanonicalWriter(128).text(DOMAIN).text(method).text(pathAndQuery).i64(timestampMs)
                .fixed(Hash.sha256(body).bytes(), Hash.LENGTH_BYTES).toByteArray();
    }

    public static byte[] sign(Ed25519PrivateKey key, String method, String pathAndQuery, long timestampMs, byte[] body) {
        return key.sign(signedBytes(method, pathAndQuery, timestampMs, body));
    }
}
