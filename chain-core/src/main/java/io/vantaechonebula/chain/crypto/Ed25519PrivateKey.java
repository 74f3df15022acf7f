package io.vantaechonebula.chain.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** An Ed25519 private key (32-byte seed) that signs, with the public key it belongs to. */
public final class Ed25519PrivateKey {

    public static final int LENGTH_BYTES = Ed25519PrivateKeyParameters.KEY_SIZE;
    public static final int SIGNATURE_BYTES = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

    private final Ed25519PrivateKeyParameters parameters;
    private final Ed25519PublicKey publicKey;

    public Ed25519PrivateKey(byte[] seed) {
        if (seed == null || seed.length != LENGTH_BYTES) {
            throw new IllegalArgumentException("an Ed25519 private key is " + LENGTH_BYTES + " bytes");
        }
        this.parameters = new Ed25519PrivateKeyParameters(seed, 0);
        this.publicKey = new Ed25519PublicKey(parameters.generatePublicKey().getEncoded());
    }

    public static Ed25519PrivateKey generate(SecureRandom random) {
        return new Ed25519PrivateKey(new Ed25519PrivateKeyParameters(random).getEncoded());
    }

    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    public byte[] seed() {
        return parameters.getEncoded();
    }

    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, parameters);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public String toString() {
        return "Ed25519PrivateKey[address=" + publicKey.address() + "]";
    }
}
