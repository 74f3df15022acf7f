package io.vantaechonebula.chain.vote;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.encoding.CanonicalReader;
import io.vantaechonebula.chain.encoding.CanonicalWriter;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.tx.TransactionType;
import io.vantaechonebula.chain.vote.Vote;

/** Two conflicting votes of one validator (V6): the payload of a {@code SLASH_EVIDENCE} transaction. */
public record SlashEvidence(Vote first, Vote second) {


    public byte[] encode() {
        return new CanonicalWriter(2 * Vote.MAX_ENCODED_BYTES).bytes(first.encode()).bytes(second.encode()).toByteArray();
    }

    public static SlashEvidence decode(byte[] payload) throws MalformedEncodingException {
        CanonicalReader in = new CanonicalReader(payload);
        Vote first = Vote.decode(in.bytes(Vote.MAX_ENCODED_BYTES));
        Vote second = Vote.decode(in.bytes(Vote.MAX_ENCODED_BYTES));
        in.expectEnd();
        return new SlashEvidence(first, second);
    }

    /** The {@code SLASH_EVIDENCE} transaction that reports this, signed and paid (the chain's minimum fee) by the reporter. */
    public Transaction transaction(Ed25519PrivateKey reporter, ChainParams params, long nonce) {
        return Transaction.sign(reporter, params.chainId(), TransactionType.SLASH_EVIDENCE, first.validatorAddress(), 0,
                params.minFee(), nonce, encode());
    }
}
