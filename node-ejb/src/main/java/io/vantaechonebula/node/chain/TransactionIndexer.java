package io.vantaechonebula.node.chain;

import io.vantaechonebula.node.running.RunningChain;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps each chain's transaction index up with its main chain, in its own thread, a few thousand
 * transactions per database transaction so that a block import never waits long behind it.
 */
@Singleton
@Startup
@DependsOn("ChainRegistry")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TransactionIndexer {

    private static final Logger LOG = Logger.getLogger(TransactionIndexer.class.getName());
    private static final int TRANSACTIONS_PER_COMMIT = 2_000;
    private static final long IDLE_PAUSE_MS = 500;
    private static final long LAG_REPORTED = 10;
    private static final long REPORT_EVERY_NANOS = 10_000_000_000L;

    @EJB
    private ChainRegistry registry;

    @Resource
    private ManagedThreadFactory threadFactory;

    private volatile boolean running;
    private Thread worker;
    private long lastReport = System.nanoTime() - REPORT_EVERY_NANOS;

    @PostConstruct
    void start() {
        running = true;
        worker = threadFactory.newThread(this::indexWhileRunning);
        worker.setName("vanta-transaction-indexer");
        worker.setDaemon(true);
        worker.start();
    }

    @PreDestroy
    void stop() {
        // No interrupt: H2 closes its database file when a thread is interrupted inside a read or write.
        running = false;
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void indexWhileRunning() {
        while (running) {
            boolean caughtUp = true;
            for (RunningChain chain : registry.all()) {
                String name = chain.params().name();
                try {
                    if (registry.indexTransactions(name, TRANSACTIONS_PER_COMMIT)) {
                        caughtUp = false;
                        long lag = chain.head().height() - registry.indexedHeight(name);
                        long now = System.nanoTime();
                        if (lag >= LAG_REPORTED && now - lastReport >= REPORT_EVERY_NANOS) {
                            lastReport = now;
                            LOG.info(() -> "Transaction index of " + name + " is " + lag + " blocks behind the head");
                        }
                    }
                } catch (RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    LOG.log(Level.WARNING, "Indexing the transactions of " + name + " failed; retrying", e);
                }
            }
            if (caughtUp && !pause()) {
                return;
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(IDLE_PAUSE_MS);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
