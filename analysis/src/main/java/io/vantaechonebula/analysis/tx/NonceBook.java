package io.vantaechonebula.analysis.tx;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.tx.Transaction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each sender nonce was first used for, for the most recent ones (bounded). A second transaction
 * with the nonce that pays the same recipient the same amount is a fee bump; one that pays someone
 * else, or another amount, conflicts with the first.
 */
final class NonceBook {

    private record SenderNonce(Address sender, long nonce) {
    }

    /** The first transaction seen with a sender nonce. */
    record Spend(Hash transactionId, Address recipient, long amount) {
    }

    private final Map<SenderNonce, Spend> firstUse;

    NonceBook(int capacity) {
        this.firstUse = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SenderNonce, Spend> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records the transaction's use of its nonce; the first use it conflicts with, if any. */
    Optional<Spend> use(Transaction transaction) {
        Spend spend = new Spend(transaction.id(), transaction.recipient(), transaction.amount());
        Spend first = firstUse.putIfAbsent(new SenderNonce(transaction.senderAddress(), transaction.nonce()), spend);
        if (first == null || first.transactionId().equals(spend.transactionId())
                || first.recipient().equals(spend.recipient()) && first.amount() == spend.amount()) {
            return Optional.empty();
        }
        return Optional.of(first);
    }
}
