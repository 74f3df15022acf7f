package io.vantaechonebula.node.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's H2 URL ({@code jdbc:h2:retry:…}, config/vanta/database.sh): a thread interrupted inside a read or
 * write (a request the HTTP listener cut off at its timeout, a cancelled task) costs that statement nothing and
 * leaves the database open for everyone. Without {@code retry:} H2 closes the file on the first such interrupt and
 * every later statement of every connection fails until a restart (seen under a transfer load with a light node).
 */
class H2InterruptTest {

    private static final int ROWS = 2_000;

    @TempDir
    Path directory;

    @Test
    void writesOfInterruptedThreadsGoThroughAndTheDatabaseStaysOpen() throws Exception {
        String url = "jdbc:h2:retry:" + directory.resolve("vanta") + ";WRITE_DELAY=0";
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().execute("CREATE TABLE sample (id BIGINT PRIMARY KEY, body VARCHAR(2000))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sample VALUES (?, ?)")) {
                for (int i = 0; i < ROWS; i++) {
                    if (i % 7 == 0) {
                        Thread.currentThread().interrupt();
                    }
                    insert.setLong(1, i);
                    insert.setString(2, "x".repeat(1_500));
                    insert.executeUpdate();
                    Thread.interrupted();
                }
            }
        } finally {
            Thread.interrupted();
        }
        try (Connection reopened = DriverManager.getConnection(url);
             ResultSet count = reopened.createStatement().executeQuery("SELECT COUNT(*) FROM sample")) {
            assertThat(count.next()).isTrue();
            assertThat(count.getLong(1)).as("every row, written by a thread interrupted every seventh time").isEqualTo(ROWS);
        }
    }
}
