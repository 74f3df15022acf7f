package io.vantaechonebula.node.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and upgrades the database's tables with the versioned scripts under {@code db/vanta/}
 * (Flyway), before anything else of the application reads them: the node module's startup beans that use
 * the database depend on this one, and the EAR starts its modules in order, the pool's after the node's.
 * The history is the table
 * {@value #HISTORY}. A database made before migrations, by EclipseLink, is taken as version 0, so the first
 * script brings it to the schema of today and keeps its rows.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());
    static final String HISTORY = "vanta_schema_history";

    @Resource(lookup = "java:app/jdbc/vanta")
    private DataSource dataSource;

    // Not named migrate: Payara finds the lifecycle method by name and may call the static one.
    @PostConstruct
    void migrateAtStart() {
        migrate(dataSource);
    }

    /** Brings the database to the newest version of the schema; says what it did in the log. */
    public static MigrateResult migrate(DataSource dataSource) {
        String database = database(dataSource);
        Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/vanta")
                .table(HISTORY)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("tables made by EclipseLink before migrations")
                // PostgreSQL notes each "IF NOT EXISTS" that found the thing there, and Flyway logs the notes as
                // warnings: dozens on a new database, none of them a problem.
                .initSql(database.equals("postgresql") ? "SET client_min_messages = WARNING" : null)
                .load();
        MigrateResult result = flyway.migrate();
        String version = flyway.info().current().getVersion().getVersion();
        LOG.info(() -> "Database schema (" + database + ") at version " + version + (result.migrationsExecuted == 0
                ? ", nothing to migrate" : " after " + result.migrationsExecuted + " migration(s) from "
                + (result.initialSchemaVersion == null ? "a new database" : "version " + result.initialSchemaVersion)));
        return result;
    }

    /** Which database is behind the data source, {@code h2} or {@code postgresql}; the scripts run on both, nothing else. */
    static String database(DataSource dataSource) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database java:app/jdbc/vanta to migrate its schema: " + e.getMessage(), e);
        }
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return "h2";
        }
        if (name.contains("postgres")) {
            return "postgresql";
        }
        throw new IllegalStateException("The database java:app/jdbc/vanta is " + product + "; VantaEchoNebula runs on H2 or"
                + " PostgreSQL (docs/configuration.md)");
    }
}
