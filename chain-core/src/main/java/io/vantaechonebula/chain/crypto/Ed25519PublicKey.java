package io.vantaechonebula.chain.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** An Ed25519 public key (32 bytes) that verifies signatures. */
public final class Ed25519PublicKey {

    public static final int LENGTH_BYTES = Ed25519PublicKeyParameters.KEY_SIZE;

    private final byte[] bytes;
    private final Ed25519PublicKeyParameters parameters;

    public Ed25519PublicKey(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key is " + LENGTH_BYTES + " bytes");
        }
        this.bytes = bytes.clone();
        this.parameters = new Ed25519PublicKeyParameters(this.bytes, 0);
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
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, parameters);
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
