package io.vantaechonebula.node.chain;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;

/**
 * A chain change in a database transaction of its own, begun and committed by the container, from
 * whichever thread makes it: a miner, a peer's gossip, a finality round or the REST API.
 */
@Stateless
public class ChainTransactions {

    @Resource
    private SessionContext context;

    /** What a piece of work returned, or the exception it threw (which rolled its transaction back). */
    public record Outcome<T>(T value, RuntimeException failure) {

        /** The value, or the work's own exception, thrown as it was. */
        public T get() {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }

    /**
     * Runs the work in a new transaction. An exception it throws rolls the transaction back and comes back
     * in the outcome, so that callers see the chain's own exceptions rather than the container's wrapping.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> Outcome<T> run(Supplier<T> work) {
        try {
            return new Outcome<>(work.get(), null);
        } catch (RuntimeException e) {
            context.setRollbackOnly();
            return new Outcome<>(null, e);
        }
    }
}
