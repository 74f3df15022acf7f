package io.vantaechonebula.pool.agent.learningengine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A processor's result as taken from the {@code Training} queue: what the models learn from. */
@Entity
@Table(name = "pool_training_record")
@NamedQuery(name = TrainingRecord.AFTER, query = "SELECT t FROM TrainingRecord t WHERE t.id > :after"
        + " AND t.processor IN :processors ORDER BY t.id")
public class TrainingRecord {

    static final String AFTER = "TrainingRecord.after";

    @Id
    @SequenceGenerator(name = "pool_training_id", sequenceName = "pool_training_id", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pool_training_id")
    private long id;

    @Column(length = 32, nullable = false)
    private String processor;

    @Column(name = "received_at_ms", nullable = false)
    private long receivedAtMs;

    @Lob
    @Column(nullable = false)
    private String result;

    protected TrainingRecord() {
    }

    public TrainingRecord(String processor, long receivedAtMs, String result) {
        this.processor = processor;
        this.receivedAtMs = receivedAtMs;
        this.result = result;
    }

    long id() {
        return id;
    }

    String processor() {
        return processor;
    }

    long receivedAtMs() {
        return receivedAtMs;
    }

    /** The message as the stage sent it: its name, batches, samples, and {@code result}. */
    String message() {
        return result;
    }
}
