package io.vantaechonebula.chain.mempool;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.state.AccountView;
import io.vantaechonebula.chain.state.ValidatorRules;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.RejectionReason;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.tx.TransactionRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Transactions waiting for a block (docs/chain-spec.md §7): at most {@code capacity} of them;
 * a sender's transactions leave in nonce order; across senders the highest fee goes first; when
 * full, a new transaction must pay more than the cheapest one it would push out.
 */
public final class Mempool {

    /** Best fee first; the id breaks ties so the order is total and the same on every node. */
    static final Comparator<Transaction> BY_FEE_DESCENDING =
            Comparator.comparingLong(Transaction::fee).reversed().thenComparing(Transaction::id);

    private final ChainParams params;
    private final int capacity;
    private final Map<Hash, Transaction> byId = new HashMap<>();
    private final Map<Address, NavigableMap<Long, Transaction>> bySender = new HashMap<>();
    /** The last transaction of each sender, cheapest last: what a full mempool may evict. */
    private final TreeSet<Transaction> tails = new TreeSet<>(BY_FEE_DESCENDING);
    private long changes;

    public Mempool(ChainParams params, int capacity) {
        this.params = params;
        this.capacity = capacity;
    }

    /** How {@link #add} ended when it did not refuse the transaction. */
    public enum Added { ADDED, REPLACED, ALREADY_PENDING }

    /**
     * @param state the main chain's accounts at its head
     * @throws InvalidTransactionException with the reason the transaction cannot wait here
     */
    public Added add(Transaction tx, AccountView state) throws InvalidTransactionException {
        // The signature check is the expensive part and needs no lock.
        TransactionRules.checkAlone(tx, params);
        return addChecked(tx, state);
    }

    private synchronized Added addChecked(Transaction tx, AccountView state) throws InvalidTransactionException {
        if (byId.containsKey(tx.id())) {
            return Added.ALREADY_PENDING;
        }
        Address sender = tx.senderAddress();
        Account account = state.account(sender);
        NavigableMap<Long, Transaction> queue = bySender.getOrDefault(sender, new TreeMap<>());
        TransactionRules.checkAgainst(tx, account, params.maxNonceAhead(), spendBefore(queue, tx.nonce()));
        ValidatorRules.checkAgainst(tx, state, params, OptionalLong.empty());
        Transaction replaced = queue.get(tx.nonce());
        if (replaced != null && tx.fee() <= replaced.fee()) {
            throw new InvalidTransactionException(RejectionReason.FEE_TOO_LOW, "transaction " + replaced.id()
                    + " with nonce " + tx.nonce() + " already waits with fee " + replaced.fee() + "; pay more to replace it");
        }
        if (replaced == null && byId.size() >= capacity) {
            Optional<Transaction> cheapest = evictionCandidate(sender);
            if (cheapest.isEmpty() || tx.fee() <= cheapest.get().fee()) {
                throw new InvalidTransactionException(RejectionReason.FEE_TOO_LOW, "the mempool is full (" + capacity
                        + " transactions)" + cheapest.map(c -> "; a fee above " + c.fee() + " is needed to enter").orElse(""));
            }
            remove(cheapest.get());
        }
        if (replaced != null) {
            remove(replaced);
        }
        put(tx);
        return replaced != null ? Added.REPLACED : Added.ADDED;
    }

    /** Up to {@code max} transactions in the order a block should take them. */
    public synchronized List<Transaction> candidates(int max) {
        List<SenderCursor> cursors = new ArrayList<>();
        bySender.values().forEach(queue -> cursors.add(new SenderCursor(queue.values().iterator())));
        PriorityQueue<SenderCursor> ready = new PriorityQueue<>(Comparator.comparing(SenderCursor::peek, BY_FEE_DESCENDING));
        ready.addAll(cursors);
        List<Transaction> chosen = new ArrayList<>(Math.min(max, byId.size()));
        while (chosen.size() < max && !ready.isEmpty()) {
            SenderCursor cursor = ready.poll();
            chosen.add(cursor.next());
            if (cursor.hasNext()) {
                ready.add(cursor);
            }
        }
        return chosen;
    }

    /**
     * After the main chain changed: drops what is now included, or no longer valid against the new
     * state (used nonce, spent balance).
     *
     * @return the transactions dropped
     */
    public synchronized List<Transaction> revalidate(AccountView state) {
        List<Transaction> dropped = new ArrayList<>();
        for (Map.Entry<Address, NavigableMap<Long, Transaction>> entry : new ArrayList<>(bySender.entrySet())) {
            Account account = state.account(entry.getKey());
            long spend = 0;
            for (Transaction tx : new ArrayList<>(entry.getValue().values())) {
                try {
                    TransactionRules.checkAgainst(tx, account, params.maxNonceAhead(), spend);
                    spend += tx.amount() + tx.fee();
                } catch (InvalidTransactionException e) {
                    remove(tx);
                    dropped.add(tx);
                }
            }
        }
        return dropped;
    }

    /** The nonce the sender's next transaction should carry, counting its waiting ones in sequence. */
    public synchronized long nextNonce(Address sender, Account account) {
        NavigableMap<Long, Transaction> queue = bySender.get(sender);
        long next = account.nonce();
        while (queue != null && queue.containsKey(next)) {
            next++;
        }
        return next;
    }

    public synchronized Optional<Transaction> get(Hash id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Counts every transaction added or removed; miners compare it to know whether a new template could differ. */
    public synchronized long changes() {
        return changes;
    }

    public synchronized int size() {
        return byId.size();
    }

    public int capacity() {
        return capacity;
    }

    /** Lowest and highest fee waiting, if anything waits. */
    public synchronized Optional<FeeRange> feeRange() {
        if (byId.isEmpty()) {
            return Optional.empty();
        }
        var fees = byId.values().stream().mapToLong(Transaction::fee).summaryStatistics();
        return Optional.of(new FeeRange(fees.getMin(), fees.getMax()));
    }

    /** The lowest and highest fee among waiting transactions. */
    public record FeeRange(long lowest, long highest) {
    }

    private static long spendBefore(NavigableMap<Long, Transaction> queue, long nonce) {
        return queue.headMap(nonce, false).values().stream().mapToLong(tx -> tx.amount() + tx.fee()).sum();
    }

    /**
     * The cheapest transaction that is the last of its sender, so evicting it leaves no gap in a
     * nonce sequence; never one of the newcomer's own sender, whose later nonce may need it.
     */
    private Optional<Transaction> evictionCandidate(Address newcomer) {
        for (Iterator<Transaction> cheapestFirst = tails.descendingIterator(); cheapestFirst.hasNext(); ) {
            Transaction tail = cheapestFirst.next();
            if (!tail.senderAddress().equals(newcomer)) {
                return Optional.of(tail);
            }
        }
        return Optional.empty();
    }

    private void put(Transaction tx) {
        changes++;
        byId.put(tx.id(), tx);
        NavigableMap<Long, Transaction> queue = bySender.computeIfAbsent(tx.senderAddress(), s -> new TreeMap<>());
        Map.Entry<Long, Transaction> tail = queue.lastEntry();
        queue.put(tx.nonce(), tx);
        if (tail == null || tx.nonce() > tail.getKey()) {
            if (tail != null) {
                tails.remove(tail.getValue());
            }
            tails.add(tx);
        }
    }

    private void remove(Transaction tx) {
        changes++;
        byId.remove(tx.id());
        NavigableMap<Long, Transaction> queue = bySender.get(tx.senderAddress());
        if (queue != null && queue.remove(tx.nonce()) != null && tails.remove(tx)) {
            if (queue.isEmpty()) {
                bySender.remove(tx.senderAddress());
            } else {
                tails.add(queue.lastEntry().getValue());
            }
        }
    }

    private static final class SenderCursor {
        private final Iterator<Transaction> iterator;
        private Transaction current;

        SenderCursor(Iterator<Transaction> iterator) {
            this.iterator = iterator;
            this.current = iterator.next();
        }

        Transaction peek() {
            return current;
        }

        Transaction next() {
            Transaction taken = current;
            current = iterator.hasNext() ? iterator.next() : null;
            return taken;
        }

        boolean hasNext() {
            return current != null;
        }
    }
}
