package io.vantaechonebula.pool.agent.learningengine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How far one learner has trained through the training records, kept with its models in one transaction. */
@Entity
@Table(name = "pool_learner_cursor")
public class LearnerCursor {

    @Id
    @Column(length = 32)
    private String learner;

    @Column(name = "last_record_id", nullable = false)
    private long lastRecordId;

    @Column(name = "records_learnt", nullable = false)
    private long recordsLearnt;

    protected LearnerCursor() {
    }

    LearnerCursor(String learner) {
        this.learner = learner;
    }

    long lastRecordId() {
        return lastRecordId;
    }

    void advance(long recordId, int records) {
        lastRecordId = recordId;
        recordsLearnt += records;
    }
}
