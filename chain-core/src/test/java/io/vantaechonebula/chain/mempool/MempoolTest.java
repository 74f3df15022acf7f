package io.vantaechonebula.chain.mempool;

import static io.vantaechonebula.chain.fork.TestChains.ALICE;
import static io.vantaechonebula.chain.fork.TestChains.BOB;
import static io.vantaechonebula.chain.fork.TestChains.params;
import static io.vantaechonebula.chain.fork.TestChains.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.state.AccountView;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.RejectionReason;
import io.vantaechonebula.chain.tx.Transaction;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/chain-spec.md §7 (P1–P5). */
class MempoolTest {

    private static final Ed25519PrivateKey CAROL = Ed25519PrivateKey.generate(new SecureRandom());
    private static final Address TO = BOB.publicKey().address();

    private final Map<Address, Account> accounts = new HashMap<>(Map.of(
            ALICE.publicKey().address(), new Account(10_000, 0),
            CAROL.publicKey().address(), new Account(10_000, 0)));
    private final AccountView state = address -> accounts.getOrDefault(address, Account.EMPTY);
    private final Mempool pool = new Mempool(params(), 3);

    @Test
    void p1_highestFeeFirstButEachSenderInNonceOrder() throws Exception {
        Transaction aliceFirst = transfer(ALICE, TO, 1, 10, 0);
        Transaction aliceSecond = transfer(ALICE, TO, 1, 90, 1);
        Transaction carol = transfer(CAROL, TO, 1, 50, 0);
        pool.add(aliceSecond, state);
        pool.add(carol, state);
        pool.add(aliceFirst, state);

        assertThat(pool.candidates(10)).containsExactly(carol, aliceFirst, aliceSecond);
        assertThat(pool.candidates(1)).containsExactly(carol);
    }

    @Test
    void p2_whenFullEvictsTheCheapestOrRefusesACheaperNewcomer() throws Exception {
        Transaction cheap = transfer(CAROL, TO, 1, 11, 0);
        pool.add(transfer(ALICE, TO, 1, 20, 0), state);
        pool.add(transfer(ALICE, TO, 1, 30, 1), state);
        pool.add(cheap, state);

        assertThatThrownBy(() -> pool.add(transfer(CAROL, TO, 1, 11, 1), state))
                .isInstanceOfSatisfying(InvalidTransactionException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.FEE_TOO_LOW))
                .hasMessageContaining("full");

        Ed25519PrivateKey dave = Ed25519PrivateKey.generate(new SecureRandom());
        accounts.put(dave.publicKey().address(), new Account(100, 0));
        pool.add(transfer(dave, TO, 1, 12, 0), state);
        assertThat(pool.size()).isEqualTo(3);
        assertThat(pool.get(cheap.id())).isEmpty();
        assertThat(pool.feeRange().orElseThrow()).isEqualTo(new Mempool.FeeRange(12, 30));
    }

    @Test
    void p2_neverEvictsATransactionThatLaterOnesOfItsSenderNeed() throws Exception {
        pool.add(transfer(ALICE, TO, 1, 11, 0), state);
        pool.add(transfer(ALICE, TO, 1, 40, 1), state);
        Transaction carol = transfer(CAROL, TO, 1, 15, 0);
        pool.add(carol, state);

        // Alice's nonce 0 is cheaper but her nonce 1 needs it; Carol's own nonce 0 is needed by the newcomer.
        assertThatThrownBy(() -> pool.add(transfer(CAROL, TO, 1, 16, 1), state)).hasMessageContaining("fee above 40");

        assertThat(pool.get(carol.id())).isPresent();
        assertThat(pool.size()).isEqualTo(3);
    }

    @Test
    void p3_replacesAWaitingTransactionOnlyForAHigherFee() throws Exception {
        Transaction first = transfer(ALICE, TO, 1, 20, 0);
        pool.add(first, state);
        assertThatThrownBy(() -> pool.add(transfer(ALICE, TO, 2, 20, 0), state)).hasMessageContaining("pay more");
        Transaction better = transfer(ALICE, TO, 2, 21, 0);
        assertThat(pool.add(better, state)).isEqualTo(Mempool.Added.REPLACED);
        assertThat(pool.candidates(10)).containsExactly(better);
    }

    @Test
    void p4_countsWhatEarlierWaitingTransactionsSpend() throws Exception {
        pool.add(transfer(ALICE, TO, 6_000, 10, 0), state);
        assertThatThrownBy(() -> pool.add(transfer(ALICE, TO, 4_000, 10, 1), state))
                .isInstanceOfSatisfying(InvalidTransactionException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INSUFFICIENT_BALANCE));
    }

    @Test
    void p4_refusesANonceBeyondTheWindow() {
        assertThatThrownBy(() -> pool.add(transfer(ALICE, TO, 1, 10, params().maxNonceAhead() + 1), state))
                .isInstanceOfSatisfying(InvalidTransactionException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.NONCE_TOO_HIGH));
    }

    @Test
    void p5_dropsWhatABlockIncludedOrMadeInvalid() throws Exception {
        Transaction included = transfer(ALICE, TO, 1, 10, 0);
        Transaction next = transfer(ALICE, TO, 1, 10, 1);
        Transaction carol = transfer(CAROL, TO, 9_000, 10, 0);
        pool.add(included, state);
        pool.add(next, state);
        pool.add(carol, state);

        accounts.put(ALICE.publicKey().address(), new Account(9_989, 1));
        accounts.put(CAROL.publicKey().address(), new Account(500, 1));
        List<Transaction> dropped = pool.revalidate(state);

        assertThat(dropped).containsExactlyInAnyOrder(included, carol);
        assertThat(pool.candidates(10)).containsExactly(next);
    }

    @Test
    void nextNonceCountsTheSendersWaitingTransactionsInSequence() throws Exception {
        pool.add(transfer(ALICE, TO, 1, 10, 0), state);
        pool.add(transfer(ALICE, TO, 1, 10, 1), state);
        pool.add(transfer(ALICE, TO, 1, 10, 3), state);
        assertThat(pool.nextNonce(ALICE.publicKey().address(), new Account(10_000, 0))).isEqualTo(2);
        assertThat(pool.nextNonce(CAROL.publicKey().address(), new Account(10_000, 0))).isZero();
    }

    @Test
    void addingTheSameTransactionTwiceIsHarmless() throws Exception {
        Transaction tx = transfer(ALICE, TO, 1, 10, 0);
        assertThat(pool.add(tx, state)).isEqualTo(Mempool.Added.ADDED);
        assertThat(pool.add(tx, state)).isEqualTo(Mempool.Added.ALREADY_PENDING);
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void changesCountsWhatWasAddedOrRemovedAndNothingElse() throws Exception {
        Transaction tx = transfer(ALICE, TO, 1, 10, 0);
        long before = pool.changes();
        pool.add(tx, state);
        long added = pool.changes();
        pool.add(tx, state);
        pool.candidates(10);
        pool.revalidate(state);
        assertThat(added).isGreaterThan(before);
        assertThat(pool.changes()).isEqualTo(added);

        accounts.put(ALICE.publicKey().address(), new Account(9_989, 1));
        pool.revalidate(state);
        assertThat(pool.changes()).isGreaterThan(added);
    }
}
