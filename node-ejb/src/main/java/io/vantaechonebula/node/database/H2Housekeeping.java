package io.vantaechonebula.node.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps the embedded H2 database file from growing without bound (see {@link H2Compaction}):
 * every {@value #EVERY_SECONDS} seconds it rewrites up to 16 MB out of the emptiest chunks while
 * less than {@value #TARGET_FILL_RATE}% of the chunk data is live. On PostgreSQL it stops at once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class H2Housekeeping {

    private static final Logger LOG = Logger.getLogger(H2Housekeeping.class.getName());
    static final int TARGET_FILL_RATE = 70;
    private static final int WRITE_LIMIT = 16 << 20;
    static final long EVERY_SECONDS = 2;
    private static final long REPORT_EVERY_NANOS = TimeUnit.MINUTES.toNanos(5);

    @Resource(lookup = "java:app/jdbc/vanta")
    private DataSource dataSource;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;
    private long lastReport = System.nanoTime() - REPORT_EVERY_NANOS;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::compactOnce, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        // No interrupt: H2 closes its database file when a thread is interrupted inside a read or write.
        task.cancel(false);
    }

    private void compactOnce() {
        try (Connection connection = dataSource.getConnection()) {
            Optional<H2Compaction> compaction = H2Compaction.of(connection);
            if (compaction.isEmpty()) {
                LOG.info("The database is not an embedded H2: no housekeeping needed");
                task.cancel(false);
                return;
            }
            int before = compaction.get().chunksFillRate();
            boolean rewrote = compaction.get().compact(TARGET_FILL_RATE, WRITE_LIMIT);
            long now = System.nanoTime();
            if (rewrote && now - lastReport >= REPORT_EVERY_NANOS) {
                lastReport = now;
                LOG.info(() -> "H2 housekeeping: chunks were " + before + "% live; rewriting the emptiest (target "
                        + TARGET_FILL_RATE + "%)");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "H2 housekeeping failed; the database file may grow until it works again", e);
        }
    }
}
