package io.vantaechonebula.chain.crypto;

import java.util.Arrays;
import java.util.regex.Pattern;

/** An account or node address: the first 20 bytes of SHA-256 of an Ed25519 public key, in hex. */
public record Address(String hex) implements Comparable<Address> {

    public static final int LENGTH_BYTES = 20;
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{40}");

    public Address {
        if (hex == null || !FORM.matcher(hex).matches()) {
            throw new IllegalArgumentException(
                    "an address is 40 lower-case hex characters (20 bytes), got: " + hex);
        }
    }

    public static Address of(Ed25519PublicKey publicKey) {
        return new Address(Hex.encode(Arrays.copyOf(Hash.sha256(publicKey.bytes()).bytes(), LENGTH_BYTES)));
    }

    public static Address fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH_BYTES) {
            throw new IllegalArgumentException("an address is " + LENGTH_BYTES + " bytes");
        }
        return new Address(Hex.encode(bytes));
    }

    public byte[] bytes() {
        return Hex.decode(hex);
    }

    /** Same-length lower-case hex compares as the bytes do. */
    @Override
    public int compareTo(Address other) {
        return hex.compareTo(other.hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
