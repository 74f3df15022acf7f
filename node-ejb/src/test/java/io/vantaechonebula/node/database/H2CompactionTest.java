package io.vantaechonebula.node.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On an H2 file database set as the server's is ({@code retry:}, {@code WRITE_DELAY=0}), with random keys as the transaction index writes them. */
class H2CompactionTest {

    private static final int ROWS = 20_000;
    private static final int COMMITS = 120;

    @TempDir
    Path directory;

    @Test
    void randomWritesLeaveChunksMostlyEmptyAndCompactionKeepsThemFuller() throws Exception {
        // RETENTION_TIME=0 frees a rewritten chunk at the next commit instead of 45 s later.
        String url = "jdbc:h2:retry:" + directory.resolve("test") + ";WRITE_DELAY=0;RETENTION_TIME=0";
        try (Connection connection = DriverManager.getConnection(url)) {
            H2Compaction compaction = H2Compaction.of(connection).orElseThrow();
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE rows_by_key (key_value BIGINT PRIMARY KEY, height BIGINT)");
            }
            connection.setAutoCommit(false);
            Random random = new Random(1);
            for (int i = 0; i < COMMITS; i++) {
                writeBatch(connection, random);
            }
            int withoutCompaction = compaction.chunksFillRate();

            for (int i = 0; i < COMMITS; i++) {
                writeBatch(connection, random);
                compaction.compact(90, 4 << 20);
            }
            int withCompaction = compaction.chunksFillRate();

            assertThat(withoutCompaction).isLessThan(50);
            assertThat(withCompaction).isGreaterThan(withoutCompaction + 10);
        }
    }

    @Test
    void nothingToDoOnAnInMemoryDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:compaction")) {
            H2Compaction compaction = H2Compaction.of(connection).orElseThrow();
            assertThat(compaction.compact(90, 1 << 20)).isFalse();
        }
    }

    private void writeBatch(Connection connection, Random random) throws Exception {
        try (PreparedStatement merge = connection.prepareStatement("MERGE INTO rows_by_key KEY (key_value) VALUES (?, ?)")) {
            for (int row = 0; row < ROWS / 20; row++) {
                merge.setLong(1, random.nextInt(ROWS));
                merge.setLong(2, random.nextLong());
                merge.addBatch();
            }
            merge.executeBatch();
        }
        connection.commit();
    }

}
