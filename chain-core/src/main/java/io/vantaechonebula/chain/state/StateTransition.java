package io.vantaechonebula.chain.state;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.RejectionReason;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.tx.TransactionRules;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Applies transactions and blocks to state and undoes them (docs/chain-spec.md §3.3). */
public final class StateTransition {

    private final ChainParams params;

    public StateTransition(ChainParams params) {
        this.params = params;
    }

    /** Collects the accounts touched by a block, as they were before it, and as they are after. */
    public static final class Touched {
        private final Map<Address, Account> before = new HashMap<>();
        private final Map<Address, Account> after = new HashMap<>();

        void write(WorkingState state, Address address, Account value) {
            before.putIfAbsent(address, state.account(address));
            state.set(address, value);
            after.put(address, value);
        }

        public BlockUndo undo() {
            return new BlockUndo(before);
        }

        public Map<Address, Account> after() {
            return after;
        }

        public Map<Address, Account> before() {
            return before;
        }
    }

    /**
     * Applies one transaction inside a block at {@code height} being built or checked; the state is
     * unchanged if it is refused.
     */
    public void applyTransaction(Transaction tx, Address miner, long height, WorkingState state, Touched touched)
            throws InvalidTransactionException {
        TransactionRules.checkAlone(tx, params);
        Address senderAddress = tx.senderAddress();
        TransactionRules.checkAgainst(tx, state.account(senderAddress), 0, 0);
        ValidatorRules.checkAgainst(tx, state, params, OptionalLong.of(height));
        // Written through a scratch layer in order, so sender, recipient and miner may be one account.
        WorkingState scratch = new WorkingState(state);
        try {
            Account sender = scratch.account(senderAddress);
            scratch.set(senderAddress, sender.withBalanceAndNonce(sender.balance() - tx.amount() - tx.fee(), sender.nonce() + 1));
            switch (tx.type()) {
                case TRANSFER -> credit(scratch, tx.recipient(), tx.amount());
                case VALIDATOR_REGISTER -> {
                    Account staking = scratch.account(senderAddress);
                    // V9: a new stake starts a registration; more stake added to one keeps its start.
                    long since = staking.stake() == 0 ? height : staking.stakeSince();
                    scratch.set(senderAddress, staking.withStake(Math.addExact(staking.stake(), tx.amount()), 0)
                            .withStakeSince(since));
                }
                case VALIDATOR_EXIT -> exit(scratch, senderAddress, height);
                case SLASH_EVIDENCE -> slash(scratch, tx.recipient(), senderAddress);
            }
            credit(scratch, miner, tx.fee());
        } catch (ArithmeticException e) {
            throw new InvalidTransactionException(RejectionReason.MALFORMED, "the transaction would overflow a balance");
        }
        scratch.changes().forEach((address, account) -> touched.write(state, address, account));
    }

    /** V5: the first exit starts the delay; the second, once it has passed, returns the stake. */
    private static void exit(WorkingState state, Address validator, long height) {
        Account account = state.account(validator);
        if (account.exitHeight() == 0) {
            state.set(validator, account.withStake(account.stake(), height));
        } else {
            state.set(validator, new Account(Math.addExact(account.balance(), account.stake()), account.nonce(), 0, 0));
        }
    }

    /** V8: the offender loses its stake; the reporter gets its share, the rest is burnt. */
    private void slash(WorkingState state, Address offender, Address reporter) {
        Account guilty = state.account(offender);
        long reward = guilty.stake() / 100 * params.staking().slashRewardPercent()
                + guilty.stake() % 100 * params.staking().slashRewardPercent() / 100;
        state.set(offender, guilty.withStake(0, 0).withStakeSince(0));
        credit(state, reporter, reward);
    }

    private static void credit(WorkingState state, Address address, long amount) {
        Account account = state.account(address);
        state.set(address, account.withBalanceAndNonce(Math.addExact(account.balance(), amount), account.nonce()));
    }

    public void applyReward(Address miner, WorkingState state, Touched touched) {
        Account minerAccount = state.account(miner);
        touched.write(state, miner, minerAccount.withBalanceAndNonce(minerAccount.balance() + params.blockReward(),
                minerAccount.nonce()));
    }

    /**
     * Applies a whole block: its transactions in order, then the reward (S1–S3).
     *
     * @throws InvalidBlockException naming the first transaction that breaks a rule, or a wrong state root
     */
    public Touched applyBlock(Block block, Hash parentStateRoot, WorkingState state) throws InvalidBlockException {
        Touched touched = new Touched();
        Address miner = block.header().miner();
        for (int i = 0; i < block.transactions().size(); i++) {
            Transaction tx = block.transactions().get(i);
            try {
                applyTransaction(tx, miner, block.height(), state, touched);
            } catch (InvalidTransactionException e) {
                throw new InvalidBlockException("transaction " + i + " (" + tx.id() + ") is invalid: "
                        + e.reason().code() + ": " + e.getMessage());
            }
        }
        applyReward(miner, state, touched);
        Hash root = StateRoot.next(parentStateRoot, touched.after(), touched.before());
        if (!root.equals(block.header().stateRoot())) {
            throw new InvalidBlockException("the state root is " + block.header().stateRoot() + " but applying the block gives " + root);
        }
        return touched;
    }

    /** Undoes a block: every account it touched goes back to its value before the block. */
    public static void revert(BlockUndo undo, WorkingState state) {
        undo.previous().forEach(state::set);
    }
}
