package io.vantaechonebula.node.chain.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Which main-chain block includes a transaction; {@code id} is the transaction id. */
@Entity
@Table(name = "chain_transaction")
@IdClass(ChainKey.class)
public class TransactionRecord {

    @Id
    @Column(length = 16)
    String chain;

    @Id
    @Column(length = 64)
    String id;

    @Column(name = "block_hash", nullable = false, length = 64)
    String blockHash;

    protected TransactionRecord() {
    }

    TransactionRecord(String chain, String transactionId, String blockHash) {
        this.chain = chain;
        this.id = transactionId;
        this.blockHash = blockHash;
    }
}
