package io.vantaechonebula.pool.store;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of a batch waiting for one processor. */
public class PendingBatchKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String processor;
    private long batchId;

    public PendingBatchKey() {
    }

    public PendingBatchKey(String processor, long batchId) {
        this.processor = processor;
        this.batchId = batchId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PendingBatchKey key && processor.equals(key.processor) && batchId == key.batchId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(processor, batchId);
    }
}
