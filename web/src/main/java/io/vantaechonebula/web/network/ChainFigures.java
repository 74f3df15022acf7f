package io.vantaechonebula.web.network;

import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * One chain on the board. The average block time is over the last {@value NetworkBoard#BLOCKS_AVERAGED}
 * blocks after genesis (fewer early on, none before block 2); the final height is empty until a block is final.
 */
public record ChainFigures(String name, String chainId, long height, long lastBlockAgeMs, OptionalLong averageBlockTimeMs,
                           long targetBlockTimeMs, BigInteger difficulty, double hashRate, int mempoolSize,
                           int mempoolCapacity, OptionalLong finalHeight, int peers) {

    /** Blocks between the head and the last final block; the height itself while none is final. */
    public long finalityLag() {
        return height - finalHeight.orElse(0);
    }
}
