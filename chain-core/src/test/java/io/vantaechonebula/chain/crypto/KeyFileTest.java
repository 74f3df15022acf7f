package io.vantaechonebula.chain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    @TempDir
    Path dir;

    @Test
    void writesOwnerOnlyFileThatReadsBackAsTheSameKey() throws Exception {
        Path file = dir.resolve("keys/node.key");
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());

        KeyFile.write(file, key);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Ed25519PrivateKey read = KeyFile.read(file);
        assertThat(read.publicKey()).isEqualTo(key.publicKey());
        assertThat(Files.readString(file)).contains("address=" + key.publicKey().address().hex());
    }

    @Test
    void neverOverwritesAnExistingKey() throws Exception {
        Path file = dir.resolve("node.key");
        KeyFile.write(file, Ed25519PrivateKey.generate(new SecureRandom()));
        assertThatThrownBy(() -> KeyFile.write(file, Ed25519PrivateKey.generate(new SecureRandom())))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void readOrCreateKeepsTheSameKeyAcrossCalls() throws Exception {
        Path file = dir.resolve("node.key");
        Ed25519PrivateKey first = KeyFile.readOrCreate(file, new SecureRandom());
        Ed25519PrivateKey second = KeyFile.readOrCreate(file, new SecureRandom());
        assertThat(second.publicKey()).isEqualTo(first.publicKey());
    }

    @Test
    void rejectsFileWithoutPrivateKey() throws Exception {
        Path file = dir.resolve("empty.key");
        Files.writeString(file, "address=abc\n");
        assertThatThrownBy(() -> KeyFile.read(file))
                .isInstanceOf(KeyFile.InvalidKeyFileException.class)
                .hasMessageContaining("no 'private-key' line");
    }

    @Test
    void rejectsFileWhosePublicKeyDoesNotMatch() throws Exception {
        Path file = dir.resolve("mixed.key");
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
        Ed25519PrivateKey other = Ed25519PrivateKey.generate(new SecureRandom());
        Files.writeString(file, "private-key=" + Hex.encode(key.seed()) + "\npublic-key=" + other.publicKey() + "\n");
        assertThatThrownBy(() -> KeyFile.read(file)).hasMessageContaining("does not belong");
    }
}
