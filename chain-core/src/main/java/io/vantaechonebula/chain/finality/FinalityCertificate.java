package io.vantaechonebula.chain.finality;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.encoding.CanonicalReader;
import io.vantaechonebula.chain.encoding.CanonicalWriter;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import io.vantaechonebula.chain.vote.Decision;
import io.vantaechonebula.chain.vote.Vote;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The approvals that made a block final (FN3): one height and round, more than 2/3 of its voting stake. */
public record FinalityCertificate(String chainId, long height, int round, Hash blockHash, List<Vote> votes) {

    static final int MAX_VOTES = 10_000;

    public FinalityCertificate {
        votes = List.copyOf(votes);
    }

    /**
     * Why the certificate does not make its block final against the validators given, if it does not:
     * every vote must approve this block at this height and round, be signed, and come from a
     * distinct validator of the set, and together they must weigh more than 2/3 of it.
     */
    public Optional<String> problemWith(ValidatorSet validators) {
        Set<Address> seen = new HashSet<>();
        long weight = 0;
        for (Vote vote : votes) {
            if (vote.decision() != Decision.APPROVE || vote.height() != height || vote.round() != round
                    || !vote.blockHash().equals(blockHash) || !vote.chainId().equals(chainId)) {
                return Optional.of("a vote is not an approval of " + blockHash + " at height " + height + " round " + round);
            }
            Address validator = vote.validatorAddress();
            if (!validators.contains(validator)) {
                return Optional.of(validator + " is not one of the block's validators (FN1)");
            }
            if (!seen.add(validator)) {
                return Optional.of(validator + " votes twice");
            }
            if (!vote.hasValidSignature()) {
                return Optional.of("the vote of " + validator + " is not signed by its key");
            }
            weight += validators.weight(validator);
        }
        if (!validators.isSupermajority(weight)) {
            return Optional.of("the approvals weigh " + weight + " of " + validators.total() + ", not more than 2/3");
        }
        return Optional.empty();
    }

    public byte[] encode() {
        CanonicalWriter out = new CanonicalWriter(64 + votes.size() * 180).text(chainId).i64(height).u32(round)
                .fixed(blockHash.bytes(), Hash.LENGTH_BYTES).u32(votes.size());
        votes.forEach(vote -> out.bytes(vote.encode()));
        return out.toByteArray();
    }

    public static FinalityCertificate decode(byte[] encoded) throws MalformedEncodingException {
        CanonicalReader in = new CanonicalReader(encoded);
        String chainId = in.text(64);
        long height = in.i64();
        long round = in.u32();
        Hash blockHash = Hash.of(in.fixed(Hash.LENGTH_BYTES));
        long count = in.u32();
        if (count > MAX_VOTES || round > Integer.MAX_VALUE) {
            throw new MalformedEncodingException("a certificate of " + count + " votes, round " + round + ", is out of range");
        }
        List<Vote> votes = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            votes.add(Vote.decode(in.bytes(Vote.MAX_ENCODED_BYTES)));
        }
        in.expectEnd();
        return new FinalityCertificate(chainId, height, (int) round, blockHash, votes);
    }
}
