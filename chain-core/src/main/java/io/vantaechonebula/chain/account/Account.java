package io.vantaechonebula.chain.account;

/**
 * An account: its balance, the nonce its next transaction must carry, and as a validator its
 * locked stake, the height of its exit, 0 while it has not asked to leave, and the height of the block
 * whose registration began its stake (V9; 0 for a stake from before that was recorded), which the slash
 * evidence against it must postdate (docs/chain-spec.md §8.1).
 */
public record Account(long balance, long nonce, long stake, long exitHeight, long stakeSince) {

    public static final Account EMPTY = new Account(0, 0, 0, 0, 0);

    /** An account that has never staked. */
    public Account(long balance, long nonce) {
        this(balance, nonce, 0, 0, 0);
    }

    /** An account with a stake whose registration height is not recorded. */
    public Account(long balance, long nonce, long stake, long exitHeight) {
        this(balance, nonce, stake, exitHeight, 0);
    }

    public boolean isEmpty() {
        return balance == 0 && nonce == 0 && !hasStakeState();
    }

    /** Whether it has a stake or an exit under way: what the state root's stake section records. */
    public boolean hasStakeState() {
        return stake != 0 || exitHeight != 0;
    }

    /** A validator whose stake counts in votes: staked and not leaving. */
    public boolean isActiveValidator() {
        return stake > 0 && exitHeight == 0;
    }

    public Account withBalanceAndNonce(long newBalance, long newNonce) {
        return new Account(newBalance, newNonce, stake, exitHeight, stakeSince);
    }

    public Account withStake(long newStake, long newExitHeight) {
        return new Account(balance, nonce, newStake, newExitHeight, stakeSince);
    }

    /** V9: the stake began with the registration in the block at this height. */
    public Account withStakeSince(long height) {
        return new Account(balance, nonce, stake, exitHeight, height);
    }
}
