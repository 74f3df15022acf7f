package io.vantaechonebula.chain.finality;

import io.vantaechonebula.chain.vote.Vote;
import java.util.OptionalLong;

/**
 * A validator's slashing protection (docs/chain-spec.md FN7): the highest height it signed a vote at,
 * kept where a restart finds it, so that it never signs a second vote at a height it voted at before.
 */
public interface SignedVotes {

    /** The highest height a vote was signed at, if any. */
    OptionalLong highestSigned();

    /**
     * Records a vote about to be sent; when this returns the record is durable. Throws when it cannot be
     * made so: the vote is then not sent.
     */
    void signed(Vote vote);

    /** A record in memory only, for a node with no key to vote with, and for tests. */
    static SignedVotes inMemory() {
        return new SignedVotes() {
            private long highest = -1;

            @Override
            public synchronized OptionalLong highestSigned() {
                return highest < 0 ? OptionalLong.empty() : OptionalLong.of(highest);
            }

            @Override
            public synchronized void signed(Vote vote) {
                highest = Math.max(highest, vote.height());
            }
        };
    }
}
