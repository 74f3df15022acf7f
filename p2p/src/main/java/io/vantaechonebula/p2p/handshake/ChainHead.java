package io.vantaechonebula.p2p.handshake;

import io.vantaechonebula.chain.crypto.Hash;
import java.util.Objects;

/** One chain as a node has it: which chain, grown from which genesis, how far. */
public record ChainHead(String chainId, Hash genesis, long height, Hash head) {

    public ChainHead {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(genesis, "genesis");
        Objects.requireNonNull(head, "head");
        if (height < 0) {
            throw new IllegalArgumentException("a chain's height is never negative: " + height);
        }
    }
}
