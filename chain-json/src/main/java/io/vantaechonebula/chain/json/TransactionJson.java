package io.vantaechonebula.chain.json;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PublicKey;
import io.vantaechonebula.chain.crypto.Hex;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.RejectionReason;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.tx.TransactionType;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;

/**
 * A signed transaction as JSON: {@code chainId, type, senderPublicKey, recipient, amount, fee,
 * nonce, payload, signature}, with keys, addresses, payload and signature in hex.
 */
public final class TransactionJson {

    /** Looked up once: Json.createX looks the provider up again on every call, through the server's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private TransactionJson() {
    }

    /** The signed transaction as it is submitted: the fields {@link #parse} reads. */
    public static JsonObject signed(Transaction tx) {
        return JSON.createObjectBuilder()
                .add("chainId", tx.chainId())
                .add("type", tx.type().name())
                .add("senderPublicKey", tx.sender().toString())
                .add("recipient", tx.recipient().hex())
                .add("amount", tx.amount())
                .add("fee", tx.fee())
                .add("nonce", tx.nonce())
                .add("payload", Hex.encode(tx.payload()))
                .add("signature", Hex.encode(tx.signature()))
                .build();
    }

    /** The transaction as the node shows it: its id and sender address, then the signed fields. */
    public static JsonObject of(Transaction tx) {
        return JSON.createObjectBuilder()
                .add("id", tx.id().toString())
                .add("sender", tx.senderAddress().hex())
                .addAll(JSON.createObjectBuilder(signed(tx)))
                .build();
    }

    /** @throws InvalidTransactionException {@code malformed}, naming the field that is wrong */
    public static Transaction parse(JsonObject json) throws InvalidTransactionException {
        String typeName = text(json, "type");
        TransactionType type;
        try {
            type = TransactionType.valueOf(typeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw malformed("type", "must be TRANSFER, VALIDATOR_REGISTER, VALIDATOR_EXIT or SLASH_EVIDENCE, got '" + typeName + "'");
        }
        Ed25519PublicKey sender;
        try {
            sender = new Ed25519PublicKey(Hex.decode(text(json, "senderPublicKey")));
        } catch (IllegalArgumentException e) {
            throw malformed("senderPublicKey", "must be 64 hex characters (a 32-byte Ed25519 public key)");
        }
        Address recipient;
        try {
            recipient = new Address(text(json, "recipient"));
        } catch (IllegalArgumentException e) {
            throw malformed("recipient", "must be an address: 40 lower-case hex characters");
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = json.containsKey("payload") ? Hex.decode(text(json, "payload")) : new byte[0];
        } catch (IllegalArgumentException e) {
            throw malformed("payload", "must be hex");
        }
        try {
            signature = Hex.decode(text(json, "signature"));
        } catch (IllegalArgumentException e) {
            throw malformed("signature", "must be 128 hex characters (a 64-byte Ed25519 signature)");
        }
        return Transaction.of(text(json, "chainId"), type, sender, recipient, whole(json, "amount"), whole(json, "fee"),
                whole(json, "nonce"), payload, signature);
    }

    private static String text(JsonObject json, String field) throws InvalidTransactionException {
        JsonValue value = json.get(field);
        if (!(value instanceof JsonString text)) {
            throw malformed(field, value == null ? "is missing" : "must be a string");
        }
        return text.getString();
    }

    private static long whole(JsonObject json, String field) throws InvalidTransactionException {
        JsonValue value = json.get(field);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw malformed(field, value == null ? "is missing" : "must be a whole number");
        }
        try {
            long whole = number.longValueExact();
            if (whole < 0) {
                throw malformed(field, "must not be negative");
            }
            return whole;
        } catch (ArithmeticException e) {
            throw malformed(field, "is too large");
        }
    }

    private static InvalidTransactionException malformed(String field, String problem) {
        return new InvalidTransactionException(RejectionReason.MALFORMED, "'" + field + "' " + problem);
    }
}
