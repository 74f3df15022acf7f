package io.vantaechonebula.chain.params;

import io.vantaechonebula.chain.crypto.Address;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rules of one chain (docs/chain-spec.md §5).
 *
 * @param name              the chain's short name in URLs and configuration: {@code testnet}, {@code mainnet}
 * @param chainId           the id signed into every transaction and block of this chain
 * @param targetBlockTimeMs the block interval the difficulty steers to
 * @param halfLifeMs        ASERT half-life: a schedule lag of this long halves (or doubles) the target
 * @param maxSolveTimeMs    a block's solve time counts at most this much (and at least minus this) in the difficulty
 * @param maxFutureMs       how far ahead of a node's clock a block's timestamp may be
 * @param genesisTarget     the proof-of-work target of block 1
 * @param powLimit          the easiest target allowed
 * @param refusedAddresses  addresses whose keys are published (testnet's development key, on mainnet): no
 *                          transaction of this chain may send from or to one, since anyone can sign for it
 */
public record ChainParams(
        String name,
        String chainId,
        long targetBlockTimeMs,
        long halfLifeMs,
        long maxSolveTimeMs,
        long maxFutureMs,
        BigInteger genesisTarget,
        BigInteger powLimit,
        long genesisTimestampMs,
        long blockReward,
        long minFee,
        int maxTransactionsPerBlock,
        int maxNonceAhead,
        Map<Address, Long> allocations,
        StakeParams staking,
        Set<Address> refusedAddresses) {

    /** A chain with the default staking rules. */
    public ChainParams(String name, String chainId, long targetBlockTimeMs, long halfLifeMs, long maxSolveTimeMs,
                       long maxFutureMs, BigInteger genesisTarget, BigInteger powLimit, long genesisTimestampMs,
                       long blockReward, long minFee, int maxTransactionsPerBlock, int maxNonceAhead,
                       Map<Address, Long> allocations) {
        this(name, chainId, targetBlockTimeMs, halfLifeMs, maxSolveTimeMs, maxFutureMs, genesisTarget, powLimit,
                genesisTimestampMs, blockReward, minFee, maxTransactionsPerBlock, maxNonceAhead, allocations,
                StakeParams.DEFAULTS);
    }

    /** A chain that refuses no address. */
    public ChainParams(String name, String chainId, long targetBlockTimeMs, long halfLifeMs, long maxSolveTimeMs,
                       long maxFutureMs, BigInteger genesisTarget, BigInteger powLimit, long genesisTimestampMs,
                       long blockReward, long minFee, int maxTransactionsPerBlock, int maxNonceAhead,
                       Map<Address, Long> allocations, StakeParams staking) {
        this(name, chainId, targetBlockTimeMs, halfLifeMs, maxSolveTimeMs, maxFutureMs, genesisTarget, powLimit,
                genesisTimestampMs, blockReward, minFee, maxTransactionsPerBlock, maxNonceAhead, allocations, staking,
                Set.of());
    }

    public ChainParams {
        allocations = Map.copyOf(new TreeMap<>(allocations));
        refusedAddresses = Set.copyOf(refusedAddresses);
        if (genesisTarget.signum() <= 0 || genesisTarget.compareTo(powLimit) > 0) {
            throw new IllegalArgumentException(name + ": the genesis target must be positive and at most the pow limit");
        }
        if (targetBlockTimeMs <= 0 || halfLifeMs <= 0 || maxSolveTimeMs <= 0 || maxFutureMs <= 0) {
            throw new IllegalArgumentException(name + ": block time, half-life, solve-time clamp and future limit must be positive");
        }
    }
}
