package io.vantaechonebula.chain.tx;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Ed25519PublicKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.encoding.CanonicalReader;
import io.vantaechonebula.chain.encoding.CanonicalWriter;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import java.nio.charset.StandardCharsets;

/**
 * A signed transaction. The signature covers a domain tag and the canonical encoding of every
 * other field, the chain id included, so a transaction is valid on one chain only
 * (docs/chain-spec.md §2).
 */
public final class Transaction {

    public static final int VERSION = 1;
    public static final int MAX_CHAIN_ID_BYTES = 64;
    public static final int MAX_PAYLOAD_BYTES = 1024;
    private static final byte[] SIGNING_DOMAIN = "VANTA-TX-1".getBytes(StandardCharsets.US_ASCII);

    private final String chainId;
    private final TransactionType type;
    private final Ed25519PublicKey sender;
    private final Address recipient;
    private final long amount;
    private final long fee;
    private final long nonce;
    private final byte[] payload;
    private final byte[] signature;
    private final byte[] unsignedEncoding;
    private final Hash id;
    /** Verified at most once: the same transaction is checked in the mempool, the block template and the import. */
    private volatile Boolean signatureValid;

    private Transaction(String chainId, TransactionType type, Ed25519PublicKey sender, Address recipient,
                        long amount, long fee, long nonce, byte[] payload, byte[] signature) {
        this.chainId = chainId;
        this.type = type;
        this.sender = sender;
        this.recipient = recipient;
        this.amount = amount;
        this.fee = fee;
        this.nonce = nonce;
        this.payload = payload.clone();
        this.signature = signature.clone();
        this.unsignedEncoding = encodeUnsigned(chainId, type, sender, recipient, amount, fee, nonce, this.payload);
        this.id = Hash.sha256(new CanonicalWriter(unsignedEncoding.length + 64).raw(unsignedEncoding).raw(this.signature).toByteArray());
    }

    /** Signs a new transfer of {@code amount} from the key's address to {@code recipient}. */
    public static Transaction transfer(Ed25519PrivateKey key, String chainId, Address recipient,
                                       long amount, long fee, long nonce) {
        return sign(key, chainId, TransactionType.TRANSFER, recipient, amount, fee, nonce, new byte[0]);
    }

    public static Transaction sign(Ed25519PrivateKey key, String chainId, TransactionType type, Address recipient,
                                   long amount, long fee, long nonce, byte[] payload) {
        byte[] unsigned = encodeUnsigned(chainId, type, key.publicKey(), recipient, amount, fee, nonce, payload);
        byte[] signature = key.sign(signingBytes(unsigned));
        return new Transaction(chainId, type, key.publicKey(), recipient, amount, fee, nonce, payload, signature);
    }

    /** Builds a transaction from parts received from outside; nothing is checked but its form. */
    public static Transaction of(String chainId, TransactionType type, Ed25519PublicKey sender, Address recipient,
                                 long amount, long fee, long nonce, byte[] payload, byte[] signature)
            throws InvalidTransactionException {
        if (chainId.isEmpty() || chainId.getBytes(StandardCharsets.UTF_8).length > MAX_CHAIN_ID_BYTES) {
            throw new InvalidTransactionException(RejectionReason.MALFORMED, "chain id must be 1 to 64 bytes");
        }
        if (amount < 0 || fee < 0 || nonce < 0) {
            throw new InvalidTransactionException(RejectionReason.MALFORMED, "amount, fee and nonce must not be negative");
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new InvalidTransactionException(RejectionReason.MALFORMED,
                    "payload is " + payload.length + " bytes; at most " + MAX_PAYLOAD_BYTES + " are allowed");
        }
        if (signature.length != Ed25519PrivateKey.SIGNATURE_BYTES) {
            throw new InvalidTransactionException(RejectionReason.MALFORMED,
                    "signature must be " + Ed25519PrivateKey.SIGNATURE_BYTES + " bytes, got " + signature.length);
        }
        return new Transaction(chainId, type, sender, recipient, amount, fee, nonce, payload, signature);
    }

    public static Transaction decode(byte[] encoded) throws InvalidTransactionException {
        try {
            CanonicalReader in = new CanonicalReader(encoded);
            int version = in.u8();
            if (version != VERSION) {
                throw new InvalidTransactionException(RejectionReason.MALFORMED, "unknown transaction version " + version);
            }
            // One copy of the chain's name for all its transactions, not one each: a block holds tens of thousands.
            String chainId = in.text(MAX_CHAIN_ID_BYTES).intern();
            int typeCode = in.u8();
            TransactionType type = TransactionType.ofCode(typeCode).orElseThrow(() ->
                    new InvalidTransactionException(RejectionReason.MALFORMED, "unknown transaction type " + typeCode));
            Ed25519PublicKey sender = new Ed25519PublicKey(in.fixed(Ed25519PublicKey.LENGTH_BYTES));
            Address recipient = Address.fromBytes(in.fixed(Address.LENGTH_BYTES));
            long amount = in.i64();
            long fee = in.i64();
            long nonce = in.i64();
            byte[] payload = in.bytes(MAX_PAYLOAD_BYTES);
            byte[] signature = in.fixed(Ed25519PrivateKey.SIGNATURE_BYTES);
            in.expectEnd();
            return of(chainId, type, sender, recipient, amount, fee, nonce, payload, signature);
        } catch (MalformedEncodingException e) {
            throw new InvalidTransactionException(RejectionReason.MALFORMED, e.getMessage());
        }
    }

    private static byte[] encodeUnsigned(String chainId, TransactionType type, Ed25519PublicKey sender, Address recipient,
                                         long amount, long fee, long nonce, byte[] payload) {
        return new CanonicalWriter(160 + payload.length)
                .u8(VERSION)
                .text(chainId)
                .u8(type.code())
                .fixed(sender.bytes(), Ed25519PublicKey.LENGTH_BYTES)
                .fixed(recipient.bytes(), Address.LENGTH_BYTES)
                .i64(amount)
                .i64(fee)
                .i64(nonce)
                .bytes(payload)
                .toByteArray();
    }

    private static byte[] signingBytes(byte[] unsignedEncoding) {
        return new CanonicalWriter(SIGNING_DOMAIN.length + unsignedEncoding.length)
                .raw(SIGNING_DOMAIN).raw(unsignedEncoding).toByteArray();
    }

    public boolean hasValidSignature() {
        Boolean known = signatureValid;
        if (known == null) {
            known = sender.verifies(signingBytes(unsignedEncoding), signature);
            signatureValid = known;
        }
        return known;
    }

    /** The length of {@link #encode()}. */
    public int encodedLength() {
        return unsignedEncoding.length + signature.length;
    }

    /** The canonical encoding of the signed transaction. */
    public byte[] encode() {
        return new CanonicalWriter(unsignedEncoding.length + signature.length).raw(unsignedEncoding).raw(signature).toByteArray();
    }

    public Hash id() {
        return id;
    }

    public String chainId() {
        return chainId;
    }

    public TransactionType type() {
        return type;
    }

    public Ed25519PublicKey sender() {
        return sender;
    }

    public Address senderAddress() {
        return sender.address();
    }

    public Address recipient() {
        return recipient;
    }

    public long amount() {
        return amount;
    }

    public long fee() {
        return fee;
    }

    public long nonce() {
        return nonce;
    }

    public byte[] payload() {
        return payload.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Transaction tx && id.equals(tx.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Transaction[" + id + " " + type + " " + senderAddress() + "->" + recipient + " amount=" + amount
                + " fee=" + fee + " nonce=" + nonce + " chain=" + chainId + "]";
    }
}
