package io.vantaechonebula.node.chain.store;

import io.vantaechonebula.chain.crypto.Hash;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One row of the transaction index: a main-chain block at {@code height} holds a transaction whose
 * id starts with {@code idPrefix}. Eight bytes of the id and a height make a row a fifth the size
 * of the id and block hash in hex, which is what the database spends its time writing; a lookup
 * confirms the match in the block itself, so two ids that share a prefix cost a second look.
 */
@Entity
@Table(name = "chain_transaction_key")
@IdClass(TransactionKeyRecord.Key.class)
public class TransactionKeyRecord {

    @Id
    @Column(length = 16)
    String chain;

    @Id
    @Column(name = "id_prefix")
    long idPrefix;

    @Id
    long height;

    protected TransactionKeyRecord() {
    }

    TransactionKeyRecord(String chain, long idPrefix, long height) {
        this.chain = chain;
        this.idPrefix = idPrefix;
        this.height = height;
    }

    static long prefixOf(Hash transactionId) {
        return ByteBuffer.wrap(transactionId.bytes()).getLong();
    }

    /** The primary key: chain, id prefix and height. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String chain;
        private long idPrefix;
        private long height;

        public Key() {
        }

        Key(String chain, long idPrefix, long height) {
            this.chain = chain;
            this.idPrefix = idPrefix;
            this.height = height;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && chain.equals(key.chain) && idPrefix == key.idPrefix && height == key.height;
        }

        @Override
        public int hashCode() {
            return Objects.hash(chain, idPrefix, height);
        }
    }
}
