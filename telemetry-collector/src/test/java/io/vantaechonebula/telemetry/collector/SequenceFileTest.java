package io.vantaechonebula.telemetry.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceFileTest {

    @TempDir
    Path directory;

    @Test
    void numbersNeverRepeatAcrossRestartsEvenWithoutAnOrderlyStop() {
        Path file = directory.resolve("seq");
        SequenceFile first = new SequenceFile(file);
        long a = first.next();
        long b = first.next();
        // The first process dies here; a new one opens the same file.
        SequenceFile second = new SequenceFile(file);
        long c = second.next();

        assertThat(b).isEqualTo(a + 1);
        assertThat(c).isGreaterThan(b);
    }

    @Test
    void aFileThatIsNotANumberIsRefusedWithWhatToDo() throws Exception {
        Path file = directory.resolve("seq");
        Files.writeString(file, "twelve");

        assertThatThrownBy(() -> new SequenceFile(file))
                .hasMessageContaining("\"twelve\"")
                .hasMessageContaining("whole number");
    }
}
