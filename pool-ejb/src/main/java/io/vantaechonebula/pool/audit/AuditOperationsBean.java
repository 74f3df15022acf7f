package io.vantaechonebula.pool.audit;

import io.vantaechonebula.pool.api.Actor;
import io.vantaechonebula.pool.api.AuditOperations;
import io.vantaechonebula.pool.api.AuditView;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;

/** {@link AuditOperations} over {@link AuditLog}. */
@Stateless
public class AuditOperationsBean implements AuditOperations {

    @EJB
    private AuditLog log;

    @Override
    public void record(Actor actor, String action, String subject, String detail) {
        log.record(actor, action, subject, detail);
    }

    @Override
    public List<AuditView> newest(int offset, int limit) {
        return log.newest(offset, limit);
    }

    @Override
    public long count() {
        return log.count();
    }
}
