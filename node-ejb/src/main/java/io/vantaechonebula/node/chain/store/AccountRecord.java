package io.vantaechonebula.node.chain.store;

import io.vantaechonebula.chain.account.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An account of one chain at the main chain's head; {@code id} is the address. */
@Entity
@Table(name = "chain_account")
@IdClass(ChainKey.class)
public class AccountRecord {

    @Id
    @Column(length = 16)
    String chain;

    @Id
    @Column(length = 40)
    String id;

    @Column(nullable = false)
    long balance;

    @Column(nullable = false)
    long nonce;

    /** Nullable, read as 0: the column was added to tables that had rows (docs/chain-spec.md §8.1). */
    @Column(name = "stake")
    Long stake;

    @Column(name = "exit_height")
    Long exitHeight;

    @Column(name = "stake_since")
    Long stakeSince;

    protected AccountRecord() {
    }

    AccountRecord(String chain, String address) {
        this.chain = chain;
        this.id = address;
    }

    /** Changed through the entity itself, so EclipseLink's woven change tracking sees it. */
    void set(Account account) {
        this.balance = account.balance();
        this.nonce = account.nonce();
        this.stake = account.stake() == 0 ? null : account.stake();
        this.exitHeight = account.exitHeight() == 0 ? null : account.exitHeight();
        this.stakeSince = account.stakeSince() == 0 ? null : account.stakeSince();
    }

    Account account() {
        return new Account(balance, nonce, stake == null ? 0 : stake, exitHeight == null ? 0 : exitHeight,
                stakeSince == null ? 0 : stakeSince);
    }
}
