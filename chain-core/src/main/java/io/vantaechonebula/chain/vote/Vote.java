package io.vantaechonebula.chain.vote;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Ed25519PublicKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.encoding.CanonicalReader;
import io.vantaechonebula.chain.encoding.CanonicalWriter;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import io.vantaechonebula.chain.tx.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A validator's signed vote on the block at one height, in one round (docs/chain-spec.md §8.2).
 * Its id is SHA-256 of its encoding.
 */
public record Vote(String chainId, long height, int round, Hash blockHash, Decision decision, Ed25519PublicKey validator,
                   byte[] signature) {

    /** A vote's encoding is at most this many bytes, wherever one is carried inside another message. */
    public static final int MAX_ENCODED_BYTES = 400;
    private static final byte[] DOMAIN = "VANTA-VOTE-1".getBytes(StandardCharsets.US_ASCII);

    public Vote {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(validator, "validator");
        if (height < 0 || round < 0) {
            throw new IllegalArgumentException("a vote's height and round are never negative");
        }
        signature = signature.clone();
    }

    public static Vote sign(Ed25519PrivateKey key, String chainId, long height, int round, Hash blockHash, Decision decision) {
        Vote unsigned = new Vote(chainId, height, round, blockHash, decision, key.publicKey(), new byte[0]);
        return new Vote(chainId, height, round, blockHash, decision, key.publicKey(), key.sign(unsigned.signedBytes()));
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public Address validatorAddress() {
        return validator.address();
    }

    private CanonicalWriter fields(CanonicalWriter out) {
        return out.text(chainId).i64(height).u32(round).fixed(blockHash.bytes(), Hash.LENGTH_BYTES).u8(decision.code())
                .fixed(validator.bytes(), Ed25519PublicKey.LENGTH_BYTES);
    }

    byte[] signedBytes() {
        return fields(new CanonicalWriter(160).raw(DOMAIN)).toByteArray();
    }

    public boolean hasValidSignature() {
        return signature.length == Ed25519PrivateKey.SIGNATURE_BYTES && validator.verifies(signedBytes(), signature);
    }

    public byte[] encode() {
        return fields(new CanonicalWriter(160)).fixed(signature, Ed25519PrivateKey.SIGNATURE_BYTES).toByteArray();
    }

    public Hash id() {
        return Hash.sha256(encode());
    }

    public static Vote decode(byte[] encoded) throws MalformedEncodingException {
        CanonicalReader in = new CanonicalReader(encoded);
        String chainId = in.text(Transaction.MAX_CHAIN_ID_BYTES);
        long height = in.i64();
        long round = in.u32();
        Hash blockHash = Hash.of(in.fixed(Hash.LENGTH_BYTES));
        int code = in.u8();
        Decision decision = Decision.ofCode(code).orElseThrow(() -> new MalformedEncodingException("unknown decision " + code));
        Ed25519PublicKey validator = new Ed25519PublicKey(in.fixed(Ed25519PublicKey.LENGTH_BYTES));
        byte[] signature = in.fixed(Ed25519PrivateKey.SIGNATURE_BYTES);
        in.expectEnd();
        if (height < 0 || round > Integer.MAX_VALUE) {
            throw new MalformedEncodingException("height " + height + " or round " + round + " out of range");
        }
        return new Vote(chainId, height, (int) round, blockHash, decision, validator, signature);
    }

    /**
     * Whether the two votes are slashable together (V6): one validator, one chain, height and round,
     * and two approvals of different blocks, or an approval and a rejection of one block.
     */
    public boolean conflictsWith(Vote other) {
        if (!validator.equals(other.validator) || !chainId.equals(other.chainId) || height != other.height
                || round != other.round) {
            return false;
        }
        if (decision == Decision.APPROVE && other.decision == Decision.APPROVE) {
            return !blockHash.equals(other.blockHash);
        }
        return decision != other.decision && blockHash.equals(other.blockHash);
    }

    @Override
    public String toString() {
        return decision.name().toLowerCase() + " of " + blockHash + " at " + chainId + " height " + height + " round " + round
                + " by " + validatorAddress();
    }
}
