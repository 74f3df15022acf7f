package io.vantaechonebula.pool.store;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure a node has its row before samples are counted against it. It commits on its own,
 * so two first batches of one node arriving together do not both try to insert it.
 */
@Stateless
public class NodeRegistry {

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    /** Nodes known to have their row: registering them again needs no transaction of its own. */
    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();

    @Resource
    private SessionContext context;

    /** Remembered at most: fresh node ids by the hundred thousand must not grow this set without end. */
    private static final int MAX_REMEMBERED = 100_000;

    /** Forgets that the node has its row (it was retired). */
    public static void forget(String nodeId) {
        REGISTERED.remove(nodeId);
    }

    private static void remember(String nodeId) {
        if (REGISTERED.size() >= MAX_REMEMBERED) {
            REGISTERED.clear();
        }
        REGISTERED.add(nodeId);
    }

    /** Whether the node certainly has its row already (then {@link #register} need not be called). */
    public static boolean known(String nodeId) {
        return REGISTERED.contains(nodeId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void register(String nodeId, String nodeType, String chainId, long receivedAtMs) {
        if (em.find(ObservedNode.class, nodeId) != null) {
            remember(nodeId);
            return;
        }
        try {
            em.persist(new ObservedNode(nodeId, nodeType, chainId, receivedAtMs));
            em.flush();
            // Committed when this method returns, as it runs in a transaction of its own.
            remember(nodeId);
        } catch (PersistenceException e) {
            // Another consumer registered the node between our find and our insert: that is all we wanted.
            context.setRollbackOnly();
        }
    }
}
