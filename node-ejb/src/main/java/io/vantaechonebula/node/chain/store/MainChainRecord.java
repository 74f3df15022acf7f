package io.vantaechonebula.node.chain.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The main chain's block at one height; {@code id} is the height in decimal. */
@Entity
@Table(name = "chain_main")
@IdClass(ChainKey.class)
public class MainChainRecord {

    @Id
    @Column(length = 16)
    String chain;

    @Id
    @Column(length = 20)
    String id;

    @Column(name = "block_hash", nullable = false, length = 64)
    String blockHash;

    protected MainChainRecord() {
    }

    MainChainRecord(String chain, long height, String blockHash) {
        this.chain = chain;
        this.id = Long.toString(height);
        this.blockHash = blockHash;
    }
}
