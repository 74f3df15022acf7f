package io.vantaechonebula.agent.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantaechonebula.telemetry.collector.JmsBatchSender.Login;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BrokerLoginOptionsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheProducersUserFromTheFileVantaStartWrites() throws Exception {
        Path file = dir.resolve("broker.credentials");
        Files.writeString(file, "# comment\nuser=vanta-node\npassword=abc123\nserver.user=vanta-server\nserver.password=zzz\n");

        assertThat(BrokerLoginOptions.fromCredentialsFile(file)).isEqualTo(new Login("vanta-node", "abc123"));
    }

    @Test
    void aCredentialsFileWithoutAPasswordIsRefusedWithWhatIsMissing() throws Exception {
        Path file = dir.resolve("broker.credentials");
        Files.writeString(file, "user=vanta-node\n");

        assertThatThrownBy(() -> BrokerLoginOptions.fromCredentialsFile(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user=... and password=...");
    }

    @Test
    void anExplicitUserTakesItsPasswordFromTheFirstLineOfAFile() throws Exception {
        Path password = dir.resolve("pw");
        Files.writeString(password, "s3cret\nignored\n");

        assertThat(parse("--user", "remote", "--password-file", password.toString()).login())
                .isEqualTo(new Login("remote", "s3cret"));
    }

    @Test
    void aPasswordWithoutAUserOrAUserWithoutAPasswordIsRefused() {
        assertThatThrownBy(() -> parse("--password", "x").login()).hasMessageContaining("go with --user");
        assertThatThrownBy(() -> parse("--user", "remote").login()).hasMessageContaining("needs its password");
        assertThatThrownBy(() -> parse("--user", "remote", "--password", "a", "--password-file", "f").login())
                .hasMessageContaining("not both");
    }

    @Test
    void anOversizedPasswordFileIsRefusedUnread() throws Exception {
        Path password = dir.resolve("big");
        Files.write(password, new byte[10_000]);

        assertThatThrownBy(() -> parse("--user", "remote", "--password-file", password.toString()).login())
                .hasMessageContaining("over 4096 bytes");
    }

    private static BrokerLoginOptions parse(String... args) {
        BrokerLoginOptions options = new BrokerLoginOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
