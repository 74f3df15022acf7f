package io.vantaechonebula.pool.store;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of a sample block: the stored batch it came in and the node its samples are of. */
public class SampleBlockId implements Serializable {

    private static final long serialVersionUID = 1L;

    private long batchId;
    private String nodeId;

    public SampleBlockId() {
    }

    public SampleBlockId(long batchId, String nodeId) {
        this.batchId = batchId;
        this.nodeId = nodeId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SampleBlockId id && batchId == id.batchId && nodeId.equals(id.nodeId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(batchId, nodeId);
    }
}
