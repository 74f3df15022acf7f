package io.vantaechonebula.chain.state;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.crypto.Address;

/** Reads accounts; an address never used reads as {@link Account#EMPTY}. */
public interface AccountView {

    Account account(Address address);
}
