package io.vantaechonebula.chain.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** A 32-byte SHA-256 digest: block hashes, transaction ids, Merkle and state roots. */
public final class Hash implements Comparable<Hash> {

    public static final int LENGTH_BYTES = 32;
    public static final Hash ZERO = new Hash(new byte[LENGTH_BYTES]);

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Hash of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH_BYTES) {
            throw new IllegalArgumentException("a hash is " + LENGTH_BYTES + " bytes");
        }
        return new Hash(bytes.clone());
    }

    /** @throws IllegalArgumentException when the text is not 64 hex characters */
    public static Hash fromHex(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH_BYTES) {
            throw new IllegalArgumentException("a hash is 64 hex characters, got " + (hex == null ? "nothing" : hex.length()));
        }
        return new Hash(Hex.decode(hex));
    }

    public static Hash sha256(byte[] data) {
        return new Hash(sha256Digest().digest(data));
    }

    public static Hash doubleSha256(byte[] data) {
        MessageDigest digest = sha256Digest();
        return new Hash(digest.digest(digest.digest(data)));
    }

    public static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The hash read as an unsigned big-endian number, for comparison with a proof-of-work target. */
    public java.math.BigInteger toUnsignedInteger() {
        return new java.math.BigInteger(1, bytes);
    }

    @Override
    public int compareTo(Hash other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hash hash && Arrays.equals(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Hex.encode(bytes);
    }
}
