package io.vantaechonebula.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorsFileTest {

    @TempDir
    Path dir;

    @Test
    void aPasswordMatchesItsHashAndNoOther() {
        String hash = PasswordHash.hash("correct horse".toCharArray());
        assertThat(hash).startsWith("pbkdf2-sha256:600000:");
        assertThat(PasswordHash.matches("correct horse".toCharArray(), hash)).isTrue();
        assertThat(PasswordHash.matches("correct horse ".toCharArray(), hash)).isFalse();
        assertThat(PasswordHash.hash("correct horse".toCharArray())).as("salted").isNotEqualTo(hash);
    }

    @Test
    void operatorsAreAddedAndReplacedByNameInAFileOnlyItsOwnerCanRead() throws Exception {
        Path file = dir.resolve("operators");
        OperatorsFile.put(file, new Operator("admin", Set.of(Role.ADMIN), PasswordHash.hash("a".toCharArray())));
        OperatorsFile.put(file, new Operator("alice", Set.of(Role.OPERATOR, Role.VIEWER), PasswordHash.hash("b".toCharArray())));
        OperatorsFile.put(file, new Operator("admin", Set.of(Role.ADMIN), PasswordHash.hash("c".toCharArray())));

        var operators = OperatorsFile.read(file);
        assertThat(operators.keySet()).containsExactly("admin", "alice");
        assertThat(operators.get("alice").roles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.VIEWER);
        assertThat(PasswordHash.matches("c".toCharArray(), operators.get("admin").passwordHash())).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aWrongLineIsNamedWithItsNumberAndWhatIsWrong() throws Exception {
        Path file = dir.resolve("operators");
        Files.writeString(file, "# comment\n\nalice operator pbkdf2-sha256:1:AA==:AA==\nbob root pbkdf2-sha256:1:AA==:AA==\n");
        assertThatThrownBy(() -> OperatorsFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " line 4: unknown role 'root': use admin, operator or viewer");

        Files.writeString(file, "alice operator\n");
        assertThatThrownBy(() -> OperatorsFile.read(file)).hasMessageEndingWith("line 1: expected NAME ROLES HASH, got 2 fields");
        assertThatThrownBy(() -> new Operator("al ice", Set.of(Role.VIEWER), "x")).hasMessageContaining("1 to 64 letters");
        assertThatThrownBy(() -> PasswordHash.matches("x".toCharArray(), "md5:abc")).hasMessage("not a pbkdf2-sha256 hash");
    }

    @Test
    void aDisabledOperatorKeepsRolesAndHashAndIsReadBackDisabled() throws Exception {
        Path file = dir.resolve("operators");
        String hash = PasswordHash.hash("a long password".toCharArray());
        OperatorsFile.put(file, new Operator("olga", Set.of(Role.OPERATOR), hash).withDisabled(true));
        assertThat(Files.readString(file)).contains("olga operator !" + hash);
        Operator read = OperatorsFile.read(file).get("olga");
        assertThat(read.disabled()).isTrue();
        assertThat(read.passwordHash()).isEqualTo(hash);
        OperatorsFile.put(file, read.withDisabled(false));
        assertThat(OperatorsFile.read(file).get("olga").disabled()).isFalse();
    }

    @Test
    void aPasswordShorterThanTwelveCharactersIsRefused() {
        assertThatThrownBy(() -> Operator.checkedPassword("eleven-char".toCharArray()))
                .hasMessage("a password needs at least 12 characters; nothing was changed");
        assertThat(Operator.checkedPassword("twelve-chars".toCharArray())).hasSize(12);
    }
}
