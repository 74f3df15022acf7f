package io.vantaechonebula.pool.store;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Adds indexes that entities gained after their table was made: EclipseLink's
 * {@code create-or-extend-tables} adds new columns to an existing table but not new indexes, so a
 * database from an earlier build would read the pipeline's batches by scanning every sample.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaUpgrade {

    private static final Logger LOG = Logger.getLogger(SchemaUpgrade.class.getName());
    private static final String[] INDEXES = {
        "CREATE INDEX IF NOT EXISTS ix_sample_batch ON telemetry_sample (batch_id)"
    };

    @Resource(lookup = "java:app/jdbc/vanta")
    private DataSource dataSource;

    @PostConstruct
    void upgrade() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String index : INDEXES) {
                statement.execute(index);
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not add the pool's indexes to an existing database; reading batches will be"
                    + " slow until they exist", e);
        }
    }
}
