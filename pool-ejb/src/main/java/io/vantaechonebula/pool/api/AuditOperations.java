package io.vantaechonebula.pool.api;

import jakarta.ejb.Local;
import java.util.List;

/** The audit log of operators' actions: who did what to what, when and from where, kept in the database. */
@Local
public interface AuditOperations {

    /** Records an action done outside the pool (a peer's ban lifted, an operator changed), in a transaction of its own. */
    void record(Actor actor, String action, String subject, String detail);

    /** The newest entries first, skipping {@code offset} of them. */
    List<AuditView> newest(int offset, int limit);

    long count();
}
