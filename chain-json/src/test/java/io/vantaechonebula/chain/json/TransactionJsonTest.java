package io.vantaechonebula.chain.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.RejectionReason;
import io.vantaechonebula.chain.tx.Transaction;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class TransactionJsonTest {

    private final Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
    private final Transaction tx = Transaction.transfer(key, "vanta-testnet-1",
            Ed25519PrivateKey.generate(new SecureRandom()).publicKey().address(), 250, 1_000, 7);

    @Test
    void theSignedFormParsesBackToTheSameTransaction() throws Exception {
        Transaction parsed = TransactionJson.parse(TransactionJson.signed(tx));
        assertThat(parsed.id()).isEqualTo(tx.id());
        assertThat(parsed.hasValidSignature()).isTrue();
    }

    @Test
    void theShownFormCarriesTheIdAndSenderAddressAndStillParses() throws Exception {
        JsonObject shown = TransactionJson.of(tx);
        assertThat(shown.getString("id")).isEqualTo(tx.id().toString());
        assertThat(shown.getString("sender")).isEqualTo(key.publicKey().address().hex());
        assertThat(TransactionJson.parse(shown).id()).isEqualTo(tx.id());
    }

    @Test
    void namesTheFieldThatIsWrong() {
        JsonObject noKey = Json.createObjectBuilder(TransactionJson.signed(tx)).remove("senderPublicKey").build();
        JsonObject textAmount = Json.createObjectBuilder(TransactionJson.signed(tx)).add("amount", "250").build();
        JsonObject shortSignature = Json.createObjectBuilder(TransactionJson.signed(tx)).add("signature", "abcd").build();
        assertMalformed(noKey, "'senderPublicKey' is missing");
        assertMalformed(textAmount, "'amount' must be a whole number");
        assertMalformed(shortSignature, "signature must be 64 bytes");
    }

    private static void assertMalformed(JsonObject json, String message) {
        assertThatThrownBy(() -> TransactionJson.parse(json))
                .isInstanceOfSatisfying(InvalidTransactionException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED))
                .hasMessageContaining(message);
    }
}
