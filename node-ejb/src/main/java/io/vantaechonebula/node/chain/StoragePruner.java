package io.vantaechonebula.node.chain;

import io.vantaechonebula.node.running.RunningChain;
import io.vantaechonebula.node.running.StorageLimit;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the server's chains within their storage limit ({@code STORAGE_LIMIT}) the way a light node keeps
 * its own: every {@value #EVERY_SECONDS} s, the same {@link StorageLimit}. Without a limit, every block is kept.
 */
@Singleton
@Startup
@DependsOn("ChainRegistry")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StoragePruner {

    static final long EVERY_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(StoragePruner.class.getName());

    @EJB
    private ChainRegistry registry;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private StorageLimit limit;
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        OptionalLong bytes = registry.storageLimitBytes();
        if (bytes.isEmpty()) {
            LOG.info("No storage limit (vanta.storage.limit, STORAGE_LIMIT): every block is kept");
            return;
        }
        limit = new StorageLimit(bytes.getAsLong());
        task = scheduler.scheduleWithFixedDelay(this::pruneOnce, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
        LOG.info(() -> "Storage limit: the chains' blocks may take " + limit.limitBytes() + " bytes; beyond, blocks at least "
                + StorageLimit.KEPT_RECENT + " below the head (and final, once blocks are) lose their transactions");
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void pruneOnce() {
        try {
            List<RunningChain> chains = new ArrayList<>();
            registry.all().forEach(chains::add);
            limit.enforce(chains);
        } catch (RuntimeException e) {
            // A failed round must not end the schedule: the next one tries again.
            LOG.log(Level.WARNING, "Pruning for the storage limit failed; trying again in " + EVERY_SECONDS + " s", e);
        }
    }
}
