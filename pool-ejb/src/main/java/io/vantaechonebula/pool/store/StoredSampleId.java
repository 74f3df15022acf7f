package io.vantaechonebula.pool.store;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of a stored sample: its node and the sample's de-duplication key. */
public class StoredSampleId implements Serializable {

    private static final long serialVersionUID = 1L;

    private String nodeId;
    private String dedupKey;

    public StoredSampleId() {
    }

    public StoredSampleId(String nodeId, String dedupKey) {
        this.nodeId = nodeId;
        this.dedupKey = dedupKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredSampleId id && nodeId.equals(id.nodeId) && dedupKey.equals(id.dedupKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeId, dedupKey);
    }
}
