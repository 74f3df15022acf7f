package io.vantaechonebula.node.chain;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.state.AccountView;
import io.vantaechonebula.node.running.AccountsAtHead;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The head state's accounts, remembered between block imports so that checking a submission does
 * not read the database each time. Every head change starts a new generation. A read that began
 * before the change lands in the old generation, never in the new one, so no stale account
 * survives a committed block.
 */
final class HeadAccounts implements AccountsAtHead {

    private final AccountView store;
    private final int capacity;
    private volatile Map<Address, Account> generation = new ConcurrentHashMap<>();

    HeadAccounts(AccountView store, int capacity) {
        this.store = store;
        this.capacity = capacity;
    }

    @Override
    public Account account(Address address) {
        Map<Address, Account> current = generation;
        Account known = current.get(address);
        if (known != null) {
            return known;
        }
        Account read = store.account(address);
        if (current.size() < capacity) {
            current.put(address, read);
        }
        return read;
    }

    @Override
    public void headChanged() {
        generation = new ConcurrentHashMap<>();
    }
}
