package io.vantaechonebula.node.chain.store;

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

    protected AccountRecord() {
    }

    AccountRecord(String chain, String address) {
        this.chain = chain;
        this.id = address;
    }

    /** Changed through the entity itself, so EclipseLink's woven change tracking sees it. */
    void set(long newBalance, long newNonce) {
        this.balance = newBalance;
        this.nonce = newNonce;
    }
}
