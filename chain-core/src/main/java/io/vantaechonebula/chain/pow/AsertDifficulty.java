package io.vantaechonebula.chain.pow;

import io.vantaechonebula.chain.params.ChainParams;
import java.math.BigInteger;

/**
 * ASERT (absolutely scheduled exponentially rising targets, as in Bitcoin Cash's aserti3-2d):
 * the target of block h is the genesis target times 2^((E(h-1) - E(0) - T·(h-1)) / H), where E
 * is the chain's effective time, T the target block time and H the half-life. Being ahead of
 * schedule by one half-life halves the target. Because the schedule is anchored at genesis, the
 * chain's mean interval cannot drift from T (docs/chain-spec.md §4).
 *
 * <p>Effective time advances by each block's solve time clamped to ±{@code maxSolveTimeMs}, so one
 * timestamp far off moves the difficulty by a bounded step.
 */
public final class AsertDifficulty {

    private static final int RADIX_BITS = 16;
    private static final long RADIX = 1L << RADIX_BITS;
    private static final BigInteger C1 = BigInteger.valueOf(195_766_423_245_049L);
    private static final BigInteger C2 = BigInteger.valueOf(971_821_376L);
    private static final BigInteger C3 = BigInteger.valueOf(5_127L);
    private static final BigInteger ROUNDING = BigInteger.ONE.shiftLeft(47);
    private static final long MAX_LAG_MS = 1L << 46;

    private final ChainParams params;

    public AsertDifficulty(ChainParams params) {
        this.params = params;
    }

    /** The effective time of a block, from its parent's and the two timestamps. */
    public long effectiveTime(long parentEffectiveTimeMs, long parentTimestampMs, long timestampMs) {
        long solveTime = Math.max(-params.maxSolveTimeMs(), Math.min(params.maxSolveTimeMs(), timestampMs - parentTimestampMs));
        return parentEffectiveTimeMs + solveTime;
    }

    /**
     * The target of the block at {@code height}, given its parent's effective time.
     *
     * @param height                 at least 1
     * @param parentEffectiveTimeMs  E(height - 1)
     */
    public BigInteger targetAt(long height, long parentEffectiveTimeMs) {
        long ahead = parentEffectiveTimeMs - params.genesisTimestampMs() - params.targetBlockTimeMs() * (height - 1);
        // 16.16 fixed point; floorDiv keeps the fraction positive for negative exponents. Bounding
        // the lag to ±2^46 ms (2,000 years) keeps the product in range; the result is clamped anyway.
        long bounded = Math.max(-MAX_LAG_MS, Math.min(MAX_LAG_MS, ahead));
        long exponent = Math.floorDiv(bounded * RADIX, params.halfLifeMs());
        long shifts = exponent >> RADIX_BITS;
        BigInteger frac = BigInteger.valueOf(exponent & (RADIX - 1));
        BigInteger factor = BigInteger.valueOf(RADIX).add(
                C1.multiply(frac).add(C2.multiply(frac.pow(2))).add(C3.multiply(frac.pow(3))).add(ROUNDING).shiftRight(48));
        BigInteger target = params.genesisTarget().multiply(factor);
        target = shifts >= 0 ? shiftLeftCapped(target, shifts) : target.shiftRight((int) Math.min(-shifts, 512));
        target = target.shiftRight(RADIX_BITS);
        if (target.signum() == 0) {
            return BigInteger.ONE;
        }
        return target.min(params.powLimit());
    }

    private BigInteger shiftLeftCapped(BigInteger target, long shifts) {
        return shifts > 300 ? params.powLimit().shiftLeft(RADIX_BITS) : target.shiftLeft((int) shifts);
    }

}
