package io.vantaechonebula.chain.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 public key (32 bytes) that verifies signatures. The bytes are decoded to a curve point
 * only when a signature is first checked: decoding costs about a third of a verification, and keys
 * read back from stored blocks, whose signatures were checked on the way in, never need it. Bytes
 * that are no point on the curve verify nothing.
 */
public final class Ed25519PublicKey {

    public static final int LENGTH_BYTES = Ed25519PublicKeyParameters.KEY_SIZE;

    private final byte[] bytes;
    private volatile Ed25519PublicKeyParameters parameters;

    public Ed25519PublicKey(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key is " + LENGTH_BYTES + " bytes");
        }
        this.bytes = bytes.clone();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public Address address() {
        return Address.of(this);
    }

    public boolean verifies(byte[] message, byte[] signature) {
        if (signature == null || signature.length != Ed25519PrivateKey.SIGNATURE_BYTES) {
            return false;
        }
        Ed25519PublicKeyParameters point = parameters;
        if (point == null) {
            try {
                point = new Ed25519PublicKeyParameters(bytes, 0);
            } catch (IllegalArgumentException notOnTheCurve) {
                return false;
            }
            parameters = point;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, point);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519PublicKey key && Arrays.equals(bytes, key.bytes);
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
