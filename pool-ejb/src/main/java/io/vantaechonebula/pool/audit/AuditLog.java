package io.vantaechonebula.pool.audit;

import io.vantaechonebula.chain.encoding.LogText;
import io.vantaechonebula.pool.api.Actor;
import io.vantaechonebula.pool.api.AuditView;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/** Keeps each audited action in the caller's transaction, so an action and its record commit together, and logs it. */
@Stateless
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    public void record(Actor actor, String action, String subject, String detail) {
        em.persist(new AuditRecord(System.currentTimeMillis(), actor.name(), actor.address(), action, subject, detail));
        LOG.info(() -> "Audit: " + LogText.of(actor.name()) + " from " + LogText.of(actor.address()) + " " + action + " "
                + LogText.of(subject) + (detail == null ? "" : ": " + LogText.of(detail)));
    }

    public List<AuditView> newest(int offset, int limit) {
        return em.createNamedQuery(AuditRecord.NEWEST, AuditRecord.class).setFirstResult(offset).setMaxResults(limit)
                .getResultList().stream().map(AuditRecord::toView).toList();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(a) FROM AuditRecord a", Long.class).getSingleResult();
    }
}
