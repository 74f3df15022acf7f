package io.vantaechonebula.node.chain.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How far the transaction index of one chain has come: every main-chain block up to
 * {@code indexedHeight} has its rows in {@link TransactionKeyRecord}; the block after it has its
 * first {@code nextBlockDone} transactions there (a large block is indexed in parts); no block
 * above has any. (Databases of builds before the prefix rows have their progress in
 * {@code chain_transaction_index}, which this ignores: their index is built again.)
 */
@Entity
@Table(name = "chain_transaction_key_progress")
public class TransactionIndexRecord {

    @Id
    @Column(length = 16)
    String chain;

    @Column(name = "indexed_height", nullable = false)
    long indexedHeight;

    @Column(name = "next_block_done", nullable = false)
    int nextBlockDone;

    protected TransactionIndexRecord() {
    }

    TransactionIndexRecord(String chain, long indexedHeight) {
        this.chain = chain;
        this.indexedHeight = indexedHeight;
    }

    /** Changed through the entity itself, so EclipseLink's woven change tracking sees it. */
    void moveTo(long height, int doneInNextBlock) {
        this.indexedHeight = height;
        this.nextBlockDone = doneInNextBlock;
    }
}
