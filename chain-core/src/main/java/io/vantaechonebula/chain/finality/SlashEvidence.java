package io.vantaechonebula.chain.finality;

import io.vantaechonebula.chain.encoding.CanonicalReader;
import io.vantaechonebula.chain.encoding.CanonicalWriter;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;

/** Two conflicting votes of one validator (V6): the payload of a {@code SLASH_EVIDENCE} transaction. */
public record SlashEvidence(Vote first, Vote second) {

    static final int MAX_VOTE_BYTES = 400;

    public byte[] encode() {
        return new CanonicalWriter(2 * MAX_VOTE_BYTES).bytes(first.encode()).bytes(second.encode()).toByteArray();
    }

    public static SlashEvidence decode(byte[] payload) throws MalformedEncodingException {
        CanonicalReader in = new CanonicalReader(payload);
        Vote first = Vote.decode(in.bytes(MAX_VOTE_BYTES));
        Vote second = Vote.decode(in.bytes(MAX_VOTE_BYTES));
        in.expectEnd();
        return new SlashEvidence(first, second);
    }
}
