package io.vantaechonebula.chain.tx;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.params.ChainParams;

/**
 * The checks of docs/chain-spec.md §2.2: those a transaction passes alone, and those against its
 * sender's account. The validator types' checks against the state are {@code ValidatorRules}' (§8.1).
 */
public final class TransactionRules {

    private TransactionRules() {
    }

    /** T1–T4 with T2a: form, chain, refused addresses, fee and signature; they hold for the transaction wherever it is. */
    public static void checkAlone(Transaction tx, ChainParams params) throws InvalidTransactionException {
        if (!tx.type().active()) {
            throw new InvalidTransactionException(RejectionReason.MALFORMED,
                    "transaction type " + tx.type() + " is not enabled on " + params.name() + " yet");
        }
        boolean moves = tx.type() == TransactionType.TRANSFER || tx.type() == TransactionType.VALIDATOR_REGISTER;
        if (moves && tx.amount() <= 0) {
            throw new InvalidTransactionException(RejectionReason.MALFORMED, "a " + tx.type() + " moves an amount greater than 0");
        }
        if (!moves && tx.amount() != 0) {
            throw new InvalidTransactionException(RejectionReason.MALFORMED, "a " + tx.type() + " carries an amount of 0, not "
                    + tx.amount());
        }
        boolean toSelf = tx.type() == TransactionType.VALIDATOR_REGISTER || tx.type() == TransactionType.VALIDATOR_EXIT;
        if (toSelf && !tx.recipient().equals(tx.senderAddress())) {
            throw new InvalidTransactionException(RejectionReason.MALFORMED, "a " + tx.type() + " names its sender "
                    + tx.senderAddress() + " as recipient, not " + tx.recipient());
        }
        if (tx.amount() > Long.MAX_VALUE - tx.fee()) {
            throw new InvalidTransactionException(RejectionReason.MALFORMED, "amount plus fee exceeds the largest balance");
        }
        if (!tx.chainId().equals(params.chainId())) {
            throw new InvalidTransactionException(RejectionReason.WRONG_CHAIN, "the transaction is signed for chain '"
                    + tx.chainId() + "', this is " + params.name() + " ('" + params.chainId() + "')");
        }
        if (params.refusedAddresses().contains(tx.senderAddress())) {
            throw new InvalidTransactionException(RejectionReason.REFUSED_ADDRESS, "the sender " + tx.senderAddress()
                    + " is refused on " + params.name() + ": its key is published (testnet's development key), so anyone can"
                    + " sign for it; send from a key of your own (./vanta wallet new)");
        }
        if (params.refusedAddresses().contains(tx.recipient())) {
            throw new InvalidTransactionException(RejectionReason.REFUSED_ADDRESS, "the recipient " + tx.recipient()
                    + " is refused on " + params.name() + ": its key is published (testnet's development key), so anyone could"
                    + " take what it receives");
        }
        if (tx.fee() < params.minFee()) {
            throw new InvalidTransactionException(RejectionReason.FEE_TOO_LOW,
                    "fee " + tx.fee() + " is below the minimum of " + params.minFee() + " on " + params.name());
        }
        if (!tx.hasValidSignature()) {
            throw new InvalidTransactionException(RejectionReason.BAD_SIGNATURE,
                    "the signature does not verify against the sender's public key " + tx.sender());
        }
    }

    /**
     * T6–T8: nonce and balance against the sender's account.
     *
     * @param nonceAhead how far past the account's nonce the transaction may be: 0 inside a block,
     *                   more in the mempool, where earlier transactions of the sender may be waiting
     * @param pendingSpend what the sender's waiting transactions with lower nonces already spend
     */
    public static void checkAgainst(Transaction tx, Account sender, int nonceAhead, long pendingSpend)
            throws InvalidTransactionException {
        if (tx.nonce() < sender.nonce()) {
            throw new InvalidTransactionException(RejectionReason.NONCE_TOO_LOW,
                    "nonce " + tx.nonce() + " was already used; the account's next nonce is " + sender.nonce());
        }
        if (tx.nonce() > sender.nonce() + nonceAhead) {
            throw new InvalidTransactionException(RejectionReason.NONCE_TOO_HIGH, "nonce " + tx.nonce()
                    + " is ahead of the account's next nonce " + sender.nonce()
                    + (nonceAhead == 0 ? "" : " by more than " + nonceAhead));
        }
        long cost = tx.amount() + tx.fee();
        if (cost > sender.balance() - pendingSpend) {
            throw new InvalidTransactionException(RejectionReason.INSUFFICIENT_BALANCE, "amount plus fee is " + cost
                    + " but the balance is " + sender.balance() + (pendingSpend == 0 ? "" : ", of which " + pendingSpend
                    + " is spent by earlier waiting transactions"));
        }
    }
}
