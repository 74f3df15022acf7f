package io.vantaechonebula.pool.agent.consolidator;

import io.vantaechonebula.pool.store.NodeRegistry;
import java.util.List;
import io.vantaechonebula.pool.config.PoolRole;
import io.vantaechonebula.pool.config.RetentionSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every minute, deletes raw samples older than {@code vanta.pool.raw-retention-hours}, then the
 * oldest while the raw samples exceed {@code vanta.pool.raw-storage-limit}; in both cases only
 * samples already rolled up into the aggregates. The size is the bytes the samples take in their
 * blocks, as each batch counted them when it was stored; the database's file holds more than its
 * live data (H2 several times under load, docs/benchmarks.md).
 */
// Its own thread: pruning millions of rows takes minutes, and must not hold up the jobs on the default scheduler.
@ManagedScheduledExecutorDefinition(name = RawRetention.SCHEDULER, maxAsync = 1)
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RawRetention {

    private static final Logger LOG = Logger.getLogger(RawRetention.class.getName());
    static final String SCHEDULER = "java:app/concurrent/PoolRawRetention";
    private static final int BATCHES_PER_CALL = 200;
    private static final int MAX_CALLS_PER_RUN = 500;
    private static final int NODES_PER_CALL = 100;

    @EJB
    private RawPruner pruner;

    @Resource(lookup = SCHEDULER)
    private ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        if (PoolRole.runsHere()) {
            task = scheduler.scheduleWithFixedDelay(this::pruneOnce, 1, 1, TimeUnit.MINUTES);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void retireSilentNodes(long silentSinceMs) {
        long retired = 0;
        for (int call = 0; call < MAX_CALLS_PER_RUN; call++) {
            List<String> nodes = pruner.retireNodes(silentSinceMs, NODES_PER_CALL);
            nodes.forEach(NodeRegistry::forget);
            retired += nodes.size();
            if (nodes.size() < NODES_PER_CALL) {
                break;
            }
        }
        if (retired > 0) {
            long count = retired;
            LOG.info(() -> "Retired " + count + " nodes silent longer than vanta.pool.node-retention-hours, with their"
                    + " statistics and aggregates; their findings stay");
        }
    }

    private void pruneOnce() {
        try {
            RetentionSettings settings = RetentionSettings.current();
            long limitBytes = settings.storageLimitBytes();
            long cutoff = System.currentTimeMillis() - settings.retentionMs();
            pruner.pruneTrainingRecords(cutoff);
            long byAge = 0;
            for (int call = 0; call < MAX_CALLS_PER_RUN; call++) {
                long deleted = pruner.pruneBatches(cutoff, BATCHES_PER_CALL).samples();
                byAge += deleted;
                if (deleted == 0) {
                    break;
                }
            }
            long bySize = 0;
            // Counted once a run: under a steady intake H2 counts a table row by row, and counting
            // before every call took most of this thread's time.
            long excessBytes = pruner.rawBytes() - limitBytes;
            for (int call = 0; call < MAX_CALLS_PER_RUN && excessBytes > 0; call++) {
                RawPruner.Pruned deleted = pruner.pruneBatches(Long.MAX_VALUE, BATCHES_PER_CALL);
                bySize += deleted.samples();
                excessBytes -= deleted.bytes();
                if (deleted.samples() == 0) {
                    LOG.warning(() -> "Raw samples exceed vanta.pool.raw-storage-limit, but all that remain still wait for a"
                            + " processor; they are pruned once processed");
                    break;
                }
            }
            retireSilentNodes(System.currentTimeMillis() - settings.nodeRetentionMs());
            if (byAge + bySize > 0) {
                long aged = byAge;
                long sized = bySize;
                LOG.info(() -> "Pruned raw samples already in the minute and hour aggregates: " + aged + " older than the"
                        + " retention, " + sized + " beyond the storage limit");
            }
        } catch (EJBException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Could not prune raw samples; trying again in a minute", e);
        }
    }
}
