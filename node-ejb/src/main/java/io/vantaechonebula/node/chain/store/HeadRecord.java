package io.vantaechonebula.node.chain.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The head of one chain's main chain. */
@Entity
@Table(name = "chain_head")
public class HeadRecord {

    @Id
    @Column(length = 16)
    String chain;

    @Column(name = "block_hash", nullable = false, length = 64)
    String blockHash;

    /** The highest final block, or null while none is (docs/chain-spec.md §8.2). */
    @Column(name = "final_hash", length = 64)
    String finalHash;

    @Column(name = "final_height")
    Long finalHeight;

    protected HeadRecord() {
    }

    HeadRecord(String chain, String blockHash) {
        this.chain = chain;
        this.blockHash = blockHash;
    }

    /** Changed through the entity itself, so EclipseLink's woven change tracking sees it. */
    void pointTo(String newBlockHash) {
        this.blockHash = newBlockHash;
    }

    void finalAt(String hash, long height) {
        this.finalHash = hash;
        this.finalHeight = height;
    }
}
