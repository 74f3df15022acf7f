package io.vantaechonebula.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.state.AccountView;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HeadAccountsTest {

    private static final Address ALICE = new Address("a".repeat(40));
    private static final Address BOB = new Address("b".repeat(40));

    private final Map<Address, Account> database = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final AccountView store = address -> {
        reads.incrementAndGet();
        return database.getOrDefault(address, Account.EMPTY);
    };

    @Test
    void readsTheStoreOnceUntilTheHeadChanges() {
        database.put(ALICE, new Account(100, 1));
        HeadAccounts accounts = new HeadAccounts(store, 10);

        assertThat(accounts.account(ALICE)).isEqualTo(new Account(100, 1));
        database.put(ALICE, new Account(40, 2));
        assertThat(accounts.account(ALICE)).as("same head, remembered").isEqualTo(new Account(100, 1));
        accounts.headChanged();

        assertThat(accounts.account(ALICE)).isEqualTo(new Account(40, 2));
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadThatStartedBeforeTheHeadChangedDoesNotOutliveIt() {
        database.put(ALICE, new Account(100, 1));
        HeadAccounts[] accounts = new HeadAccounts[1];
        // The store answers the old state, and the new head is committed while that read is under way.
        AccountView slowStore = address -> {
            Account old = database.getOrDefault(address, Account.EMPTY);
            database.put(ALICE, new Account(40, 2));
            accounts[0].headChanged();
            return old;
        };
        accounts[0] = new HeadAccounts(slowStore, 10);

        assertThat(accounts[0].account(ALICE)).isEqualTo(new Account(100, 1));
        assertThat(accounts[0].account(ALICE)).as("read afresh in the new generation").isEqualTo(new Account(40, 2));
    }

    @Test
    void pastItsCapacityItReadsThroughWithoutRemembering() {
        HeadAccounts accounts = new HeadAccounts(store, 1);

        accounts.account(ALICE);
        accounts.account(BOB);
        accounts.account(BOB);

        assertThat(reads).hasValue(3);
    }
}
