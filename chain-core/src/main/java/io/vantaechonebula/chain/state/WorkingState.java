package io.vantaechonebula.chain.state;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.crypto.Address;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Account changes layered over a base view, collected so they can be committed in one step. */
public final class WorkingState implements AccountView {

    private final AccountView base;
    private final Map<Address, Account> changes = new HashMap<>();

    public WorkingState(AccountView base) {
        this.base = base;
    }

    @Override
    public Account account(Address address) {
        Account changed = changes.get(address);
        return changed != null ? changed : base.account(address);
    }

    public void set(Address address, Account account) {
        changes.put(address, account);
    }

    /** Every account written, with its value now. */
    public Map<Address, Account> changes() {
        return Collections.unmodifiableMap(changes);
    }
}
