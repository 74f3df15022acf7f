package io.vantaechonebula.chain.state;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.RejectionReason;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.vote.SlashEvidence;
import io.vantaechonebula.chain.vote.Vote;
import java.util.OptionalLong;

/** V1–V7 of docs/chain-spec.md §8.1: the validator transactions' checks against the state. */
public final class ValidatorRules {

    private ValidatorRules() {
    }

    /**
     * @param height the height of the block the transaction goes into; empty in the mempool, where
     *               an early withdrawal (V5) is taken, to wait until a block may carry it
     */
    public static void checkAgainst(Transaction tx, AccountView state, ChainParams params, OptionalLong height)
            throws InvalidTransactionException {
        Account sender = state.account(tx.senderAddress());
        switch (tx.type()) {
            case VALIDATOR_REGISTER -> {
                if (sender.exitHeight() > 0) {
                    throw new InvalidTransactionException(RejectionReason.STAKE_LOCKED, "V1: " + tx.senderAddress()
                            + " is exiting since height " + sender.exitHeight() + "; withdraw its stake before registering again");
                }
                long stake = sender.stake() + tx.amount();
                if (stake < params.staking().minStake()) {
                    throw new InvalidTransactionException(RejectionReason.STAKE_TOO_LOW, "V2: the stake would be " + stake
                            + ", below the minimum of " + params.staking().minStake() + " on " + params.name());
                }
            }
            case VALIDATOR_EXIT -> {
                if (sender.stake() == 0) {
                    throw new InvalidTransactionException(RejectionReason.NOT_A_VALIDATOR, "V4: " + tx.senderAddress()
                            + " holds no stake");
                }
                long unlocksAt = sender.exitHeight() + params.staking().exitDelayBlocks();
                if (sender.exitHeight() > 0 && height.isPresent() && height.getAsLong() < unlocksAt) {
                    throw new InvalidTransactionException(RejectionReason.STAKE_LOCKED, "V5: the stake of "
                            + tx.senderAddress() + " is locked until height " + unlocksAt);
                }
            }
            case SLASH_EVIDENCE -> {
                SlashEvidence evidence = evidence(tx);
                Account offender = state.account(tx.recipient());
                if (offender.stake() == 0) {
                    throw new InvalidTransactionException(RejectionReason.NOT_A_VALIDATOR, "V7: " + tx.recipient()
                            + " holds no stake to slash");
                }
                long votedAt = evidence.first().height();
                if (votedAt <= offender.stakeSince()) {
                    throw new InvalidTransactionException(RejectionReason.BAD_EVIDENCE, "V9: the votes are at height " + votedAt
                            + ", not after the registration of " + tx.recipient() + " at height " + offender.stakeSince()
                            + " that its stake is of; evidence counts only against the registration it was signed in");
                }
            }
            case TRANSFER -> {
                // Nothing of the stake: T6–T8 cover it.
            }
        }
    }

    /** V6: the two votes a {@code SLASH_EVIDENCE} carries, which must be its recipient's, on its chain, and conflict. */
    public static SlashEvidence evidence(Transaction tx) throws InvalidTransactionException {
        SlashEvidence evidence;
        try {
            evidence = SlashEvidence.decode(tx.payload());
        } catch (MalformedEncodingException | IllegalArgumentException e) {
            throw bad("the payload is not two encoded votes: " + e.getMessage());
        }
        Vote first = evidence.first();
        if (!first.chainId().equals(tx.chainId())) {
            throw bad("the votes are for chain '" + first.chainId() + "', the transaction for '" + tx.chainId() + "'");
        }
        if (!first.validatorAddress().equals(tx.recipient())) {
            throw bad("the votes are by " + first.validatorAddress() + " but the transaction names " + tx.recipient());
        }
        if (!first.conflictsWith(evidence.second())) {
            throw bad("the votes do not conflict: they must be one validator's, at one height and round, and approve two"
                    + " blocks, or approve and reject one");
        }
        if (!first.hasValidSignature() || !evidence.second().hasValidSignature()) {
            throw bad("a vote's signature does not verify against the validator's key");
        }
        return evidence;
    }

    private static InvalidTransactionException bad(String message) {
        return new InvalidTransactionException(RejectionReason.BAD_EVIDENCE, "V6: " + message);
    }
}
