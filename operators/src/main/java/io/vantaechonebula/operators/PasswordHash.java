package io.vantaechonebula.operators;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Passwords as PBKDF2 with HMAC-SHA-256, a random 16-byte salt and {@value #ITERATIONS} iterations,
 * written {@code pbkdf2-sha256:ITERATIONS:SALT:HASH} (Base64). The iterations are stored, so a later
 * build can raise them without breaking the hashes already written.
 */
public final class PasswordHash {

    static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's Password Storage Cheat Sheet for PBKDF2-HMAC-SHA256 (2023 onwards). */
    static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":"
                + base64.encodeToString(derive(password, salt, ITERATIONS));
    }

    /** @throws IllegalArgumentException when {@code stored} is not a hash this class wrote */
    public static boolean matches(char[] password, String stored) {
        String[] parts = stored.split(":");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("not a " + SCHEME + " hash");
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a damaged " + SCHEME + " hash: " + e.getMessage(), e);
        }
    }

    /** A password for a generated account: 24 characters from 18 random bytes. */
    public static String generate() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this Java", e);
        } finally {
            spec.clearPassword();
        }
    }
}
