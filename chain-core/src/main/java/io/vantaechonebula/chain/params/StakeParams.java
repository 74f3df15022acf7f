package io.vantaechonebula.chain.params;

/**
 * A chain's staking rules (docs/chain-spec.md §8.1).
 *
 * @param minStake           V2: the least stake a validator holds, in units
 * @param exitDelayBlocks    V5: blocks an exiting stake stays locked, and slashable
 * @param slashRewardPercent V8: the share of a slashed stake paid to who gave the evidence
 * @param validatorDelayBlocks FN1: how many blocks deep a change of stake must be before it changes who votes
 */
public record StakeParams(long minStake, long exitDelayBlocks, int slashRewardPercent, long validatorDelayBlocks) {

    /** 1,000 VEN, 120 blocks, 10 %, 6 blocks: what a parameters file without these keys gets. */
    public static final StakeParams DEFAULTS = new StakeParams(100_000_000_000L, 120, 10, 6);

    public StakeParams {
        if (minStake <= 0 || exitDelayBlocks <= 0 || validatorDelayBlocks <= 0) {
            throw new IllegalArgumentException("min-stake, exit-delay-blocks and validator-delay-blocks must be positive");
        }
        if (slashRewardPercent < 0 || slashRewardPercent > 100) {
            throw new IllegalArgumentException("slash-reward-percent must be between 0 and 100, not " + slashRewardPercent);
        }
    }
}
