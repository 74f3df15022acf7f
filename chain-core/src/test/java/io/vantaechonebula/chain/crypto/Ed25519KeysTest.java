package io.vantaechonebula.chain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ed25519KeysTest {

    private final Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
    private final byte[] message = "block 42".getBytes(StandardCharsets.UTF_8);

    @Test
    void verifiesItsOwnSignature() {
        assertThat(key.publicKey().verifies(message, key.sign(message))).isTrue();
    }

    @Test
    void rejectsSignatureOverAnotherMessage() {
        byte[] signature = key.sign(message);
        assertThat(key.publicKey().verifies("block 43".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @Test
    void rejectsSignatureWithOneBitFlipped() {
        byte[] signature = key.sign(message);
        signature[10] ^= 1;
        assertThat(key.publicKey().verifies(message, signature)).isFalse();
    }

    @Test
    void keyBytesThatAreNoCurvePointVerifyNothing() {
        byte[] notAPoint = new byte[Ed25519PublicKey.LENGTH_BYTES];
        notAPoint[0] = 7;
        Ed25519PublicKey unusable = new Ed25519PublicKey(notAPoint);

        assertThat(unusable.verifies(message, key.sign(message))).isFalse();
        assertThat(unusable.verifies(message, new byte[Ed25519PrivateKey.SIGNATURE_BYTES])).isFalse();
    }

    @Test
    void rejectsSignatureOfAnotherKey() {
        Ed25519PrivateKey other = Ed25519PrivateKey.generate(new SecureRandom());
        assertThat(key.publicKey().verifies(message, other.sign(message))).isFalse();
    }

    @Test
    void rejectsSignatureOfWrongLength() {
        assertThat(key.publicKey().verifies(message, new byte[12])).isFalse();
    }

    @Test
    void matchesRfc8032TestVectorOne() {
        // RFC 8032 section 7.1, TEST 1: empty message.
        Ed25519PrivateKey rfc = new Ed25519PrivateKey(
                Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(rfc.publicKey().toString())
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(Hex.encode(rfc.sign(new byte[0]))).isEqualTo(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                        + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    void addressIsFirstTwentyBytesOfSha256OfPublicKey() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.publicKey().bytes());
        assertThat(key.publicKey().address().hex()).isEqualTo(Hex.encode(Arrays.copyOf(digest, 20)));
    }

    @Test
    void refusesAddressThatIsNotFortyHexCharacters() {
        assertThatThrownBy(() -> new Address("abc")).hasMessageContaining("40 lower-case hex");
        assertThatThrownBy(() -> new Address("G".repeat(40))).isInstanceOf(IllegalArgumentException.class);
    }
}
