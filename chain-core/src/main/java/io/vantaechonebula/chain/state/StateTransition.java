package io.vantaechonebula.chain.state;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.genesis.ChainParams;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.RejectionReason;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.tx.TransactionRules;
import java.util.HashMap;
import java.util.Map;

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
    }

    /** Applies one transaction inside a block being built or checked; the state is unchanged if it is refused. */
    public void applyTransaction(Transaction tx, Address miner, WorkingState state, Touched touched)
            throws InvalidTransactionException {
        TransactionRules.checkAlone(tx, params);
        Address senderAddress = tx.senderAddress();
        TransactionRules.checkAgainst(tx, state.account(senderAddress), 0, 0);
        // Written through a scratch layer in order, so sender, recipient and miner may be one account.
        WorkingState scratch = new WorkingState(state);
        try {
            Account sender = scratch.account(senderAddress);
            scratch.set(senderAddress, new Account(sender.balance() - tx.amount() - tx.fee(), sender.nonce() + 1));
            credit(scratch, tx.recipient(), tx.amount());
            credit(scratch, miner, tx.fee());
        } catch (ArithmeticException e) {
            throw new InvalidTransactionException(RejectionReason.MALFORMED, "the transfer would overflow a balance");
        }
        scratch.changes().forEach((address, account) -> touched.write(state, address, account));
    }

    private static void credit(WorkingState state, Address address, long amount) {
        Account account = state.account(address);
        state.set(address, new Account(Math.addExact(account.balance(), amount), account.nonce()));
    }

    public void applyReward(Address miner, WorkingState state, Touched touched) {
        Account minerAccount = state.account(miner);
        touched.write(state, miner, new Account(minerAccount.balance() + params.blockReward(), minerAccount.nonce()));
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
                applyTransaction(tx, miner, state, touched);
            } catch (InvalidTransactionException e) {
                throw new InvalidBlockException("transaction " + i + " (" + tx.id() + ") is invalid: "
                        + e.reason().code() + ": " + e.getMessage());
            }
        }
        applyReward(miner, state, touched);
        Hash root = StateRoot.next(parentStateRoot, touched.after());
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
