package io.vantaechonebula.pool.agent.learningengine;

import io.vantaechonebula.pool.stage.Json;
import io.vantaechonebula.pool.stage.Learner;
import io.vantaechonebula.pool.statistics.JpaStatistics;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.List;

/**
 * Trains one learner on its next training records, in one transaction: its models, its findings and
 * how far it got commit together, so a learner that fails takes the same records again next time and
 * the other learners go on.
 */
@Stateless
public class LearnerWorker {

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    /** @return how many records it learnt from */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int learnNext(Learner learner, int max) {
        String id = learner.agent().id();
        LearnerCursor cursor = em.find(LearnerCursor.class, id);
        if (cursor == null) {
            cursor = new LearnerCursor(id);
            em.persist(cursor);
        }
        List<TrainingRecord> records = em.createNamedQuery(TrainingRecord.AFTER, TrainingRecord.class)
                .setParameter("after", cursor.lastRecordId())
                .setParameter("processors", learner.learnsFrom())
                .setMaxResults(max)
                .getResultList();
        if (records.isEmpty()) {
            return 0;
        }
        JpaStatistics statistics = new JpaStatistics(em, id);
        for (TrainingRecord record : records) {
            try (JsonReader reader = Json.PROVIDER.createReader(new StringReader(record.message()))) {
                JsonObject message = reader.readObject();
                learner.learn(record.processor(), message.getJsonObject("result"), record.receivedAtMs(), statistics);
            }
        }
        statistics.flush();
        cursor.advance(records.get(records.size() - 1).id(), records.size());
        return records.size();
    }
}
