package io.vantaechonebula.telemetry.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/** The Content-Digest field (RFC 9530) with {@code sha-256}: what a signature covers of a body. */
public final class ContentDigest {

    public static final String HEADER = "Content-Digest";
    private static final String ALGORITHM = "sha-256";

    private ContentDigest() {
    }

    /** The field's value for this body: {@code sha-256=:…:}. */
    public static String of(byte[] body) {
        return ALGORITHM + "=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
    }

    /** Checks that the field names this body's SHA-256 (other algorithms it may list are ignored). */
    public static void check(String header, byte[] body) throws SignatureException {
        Map<String, StructuredDictionary.Member> digests = StructuredDictionary.parse(header, HEADER);
        StructuredDictionary.Member sha256 = digests.get(ALGORITHM);
        if (sha256 == null || !(sha256.value() instanceof byte[] claimed)) {
            throw new SignatureException("the " + HEADER + " header has no sha-256 digest; send " + HEADER + ": sha-256=:<base64>:");
        }
        if (!MessageDigest.isEqual(claimed, sha256(body))) {
            throw new SignatureException("the " + HEADER + " does not match the body: the body changed on its way, or the digest"
                    + " was taken of other bytes than were sent");
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
