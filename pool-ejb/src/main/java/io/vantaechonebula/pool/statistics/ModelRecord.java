package io.vantaechonebula.pool.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.util.Optional;

/**
 * A learnt model of one subject's stream, as its processor stores it between batches: which model and
 * version, how many values it has learnt from, and its state. Read at the start of a batch and written
 * with the batch's transaction, so a model is never retrained from scratch and never half-updated.
 */
@Entity
@Table(name = "pool_model")
@IdClass(StatisticKey.class)
public class ModelRecord {

    @Id
    @Column(length = 32)
    private String processor;

    @Id
    @Column(length = 200)
    private String subject;

    @Id
    @Column(length = 64)
    private String name;

    @Column(length = 64)
    private String model;

    private int version;

    @Column(name = "trained_count")
    private long trainedCount;

    @Column(name = "updated_at_ms")
    private long updatedAtMs;

    @Lob
    private byte[] state;

    protected ModelRecord() {
    }

    public ModelRecord(String processor, String subject, String name) {
        this.processor = processor;
        this.subject = subject;
        this.name = name;
    }

    /** The stored state, if there is one of this model and version. */
    public Optional<byte[]> state(String expectedModel, int expectedVersion) {
        return state != null && expectedModel.equals(model) && version == expectedVersion
                ? Optional.of(state.clone()) : Optional.empty();
    }

    public void store(String newModel, int newVersion, long trained, byte[] newState, long nowMs) {
        model = newModel;
        version = newVersion;
        trainedCount = trained;
        state = newState.clone();
        updatedAtMs = nowMs;
    }

    public String subject() {
        return subject;
    }

    public String name() {
        return name;
    }

    public long trainedCount() {
        return trainedCount;
    }

    public int version() {
        return version;
    }

    /** Which model it is ({@code pattern-recognizer}, say); null until first stored. */
    public String model() {
        return model;
    }

    public long updatedAtMs() {
        return updatedAtMs;
    }
}
