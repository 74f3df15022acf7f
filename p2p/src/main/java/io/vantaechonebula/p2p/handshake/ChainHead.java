package io.vantaechonebula.p2p.handshake;

import io.vantaechonebula.chain.crypto.Hash;
import java.math.BigInteger;
import java.util.Objects;

/**
 * One chain as a node has it: which chain, grown from which genesis, how far, and with how much work
 * (the cumulative work of its head, docs/chain-spec.md §6, which fork choice and sync follow).
 */
public record ChainHead(String chainId, Hash genesis, long height, Hash head, BigInteger work) {

    /** More bits than any chain's work can take: a work of 2^256 a block for 2^63 blocks. */
    public static final int MAX_WORK_BITS = 320;

    public ChainHead {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(genesis, "genesis");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(work, "work");
        if (height < 0) {
            throw new IllegalArgumentException("a chain's height is never negative: " + height);
        }
        if (work.signum() < 0 || work.bitLength() > MAX_WORK_BITS) {
            throw new IllegalArgumentException("a chain's work is between 0 and 2^" + MAX_WORK_BITS + ", not " + work);
        }
    }

    /** The chain moved on to a block the peer sent; its work is what the peer's next hello says. */
    public ChainHead reached(long newHeight, Hash newHead) {
        return new ChainHead(chainId, genesis, newHeight, newHead, work);
    }
}
