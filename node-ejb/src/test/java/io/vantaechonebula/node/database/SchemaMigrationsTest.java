package io.vantaechonebula.node.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

    private final JdbcDataSource database = new JdbcDataSource();

    SchemaMigrationsTest() {
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void aNewDatabaseGetsEveryTableAndAHistory() throws SQLException {
        MigrateResult result = SchemaMigrations.migrate(database);

        assertThat(result.initialSchemaVersion).isNull();
        assertThat(result.targetSchemaVersion).isEqualTo("1");
        assertThat(tables()).contains("CHAIN_BLOCK", "CHAIN_ACCOUNT", "POOL_FINDING", "POOL_SAMPLE_BLOCK", "TELEMETRY_NODE",
                "POOL_AUDIT", SchemaMigrations.HISTORY).hasSize(22);
        assertThat(indexesOf("POOL_FINDING")).contains("POOL_FINDING_OPEN", "POOL_FINDING_NEWEST", "POOL_FINDING_NODE");
    }

    @Test
    void aSecondStartHasNothingToDo() {
        SchemaMigrations.migrate(database);
        MigrateResult again = SchemaMigrations.migrate(database);

        assertThat(again.migrationsExecuted).isZero();
        assertThat(again.targetSchemaVersion).isNull();
    }

    @Test
    void aDatabaseMadeBeforeMigrationsKeepsItsRowsGainsWhatItLacksAndLosesItsDeadTables() throws SQLException {
        // As an older version's EclipseLink left it: a table without a later column, without a later index,
        // a table no longer used, and no history.
        execute("CREATE TABLE pool_finding (id BIGINT NOT NULL PRIMARY KEY, agent VARCHAR(40) NOT NULL, chain_id VARCHAR(64) NOT NULL,"
                + " evidence VARCHAR NOT NULL, first_seen_ms BIGINT NOT NULL, kind VARCHAR(40) NOT NULL, last_seen_ms BIGINT NOT NULL,"
                + " node_id VARCHAR(128) NOT NULL, severity VARCHAR(8) NOT NULL, summary VARCHAR(500) NOT NULL, type VARCHAR(8) NOT NULL,"
                + " acknowledged_by VARCHAR(64), acknowledged_at_ms BIGINT, resolved_at_ms BIGINT, occurrences BIGINT,"
                + " recommendation VARCHAR(500))");
        execute("INSERT INTO pool_finding (id, agent, chain_id, evidence, first_seen_ms, kind, last_seen_ms, node_id, severity,"
                + " summary, type) VALUES (7, 'network-monitor', '', '{}', 1, 'node_silent', 2, 'n1', 'WARNING', 'quiet', 'ALERT')");
        execute("CREATE SEQUENCE pool_finding_id START WITH 20 INCREMENT BY 20");
        execute("CREATE TABLE telemetry_sample (id BIGINT PRIMARY KEY)");

        MigrateResult result = SchemaMigrations.migrate(database);

        assertThat(result.initialSchemaVersion).as("taken as version 0").isEqualTo("0");
        assertThat(result.targetSchemaVersion).isEqualTo("1");
        assertThat(single("SELECT summary FROM pool_finding WHERE id = 7")).isEqualTo("quiet");
        assertThat(single("SELECT COUNT(acknowledged_comment) FROM pool_finding")).as("the column added later").isEqualTo("0");
        assertThat(indexesOf("POOL_FINDING")).contains("POOL_FINDING_OPEN");
        assertThat(tables()).doesNotContain("TELEMETRY_SAMPLE").contains("CHAIN_BLOCK");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String single(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private List<String> tables() throws SQLException {
        return names("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'");
    }

    private List<String> indexesOf(String table) throws SQLException {
        return names("SELECT index_name FROM information_schema.indexes WHERE table_name = '" + table + "'");
    }

    private List<String> names(String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
