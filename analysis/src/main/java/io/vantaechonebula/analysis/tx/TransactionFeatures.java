package io.vantaechonebula.analysis.tx;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.tx.TransactionType;

/**
 * What the analyzer reads from one transaction.
 *
 * @param senderRecentCount the sender's transactions on this chain in its current minute, this one included
 */
public record TransactionFeatures(String chainId, Hash transactionId, TransactionType type, Address sender, long amount,
                                  long fee, long nonce, int senderRecentCount) {
}
