package io.vantaechonebula.pool.store;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

/**
 * Makes sure a node has its row before samples are counted against it. It commits on its own,
 * so two first batches of one node arriving together do not both try to insert it.
 */
@Stateless
public class NodeRegistry {

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void register(String nodeId, String nodeType, String chainId, long receivedAtMs) {
        if (em.find(ObservedNode.class, nodeId) != null) {
            return;
        }
        try {
            em.persist(new ObservedNode(nodeId, nodeType, chainId, receivedAtMs));
            em.flush();
        } catch (PersistenceException e) {
            // Another consumer registered the node between our find and our insert: that is all we wanted.
            context.setRollbackOnly();
        }
    }
}
