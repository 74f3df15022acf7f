package io.vantaechonebula.chain.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * Reads and writes an Ed25519 key as a small properties file that only its owner may read
 * (mode 0600 where the file system has POSIX permissions).
 */
public final class KeyFile {

    private static final String PRIVATE_KEY = "private-key";
    private static final String PUBLIC_KEY = "public-key";
    private static final String ADDRESS = "address";

    private KeyFile() {
    }

    /** Writes a new key; refuses to overwrite an existing file so that no key is lost by mistake. */
    public static void write(Path file, Ed25519PrivateKey key) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a key file is never overwritten");
        }
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Properties properties = new Properties();
        properties.setProperty(PRIVATE_KEY, Hex.encode(key.seed()));
        properties.setProperty(PUBLIC_KEY, key.publicKey().toString());
        properties.setProperty(ADDRESS, key.publicKey().address().hex());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
            properties.store(out, "VantaEchoNebula Ed25519 key. Keep it secret: whoever reads it can sign as this address.");
        }
    }

    /** @throws InvalidKeyFileException when the file is not a key file, or its parts disagree */
    public static Ed25519PrivateKey read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        String seedHex = properties.getProperty(PRIVATE_KEY);
        if (seedHex == null) {
            throw new InvalidKeyFileException(file, "it has no '" + PRIVATE_KEY + "' line");
        }
        Ed25519PrivateKey key;
        try {
            key = new Ed25519PrivateKey(Hex.decode(seedHex.trim()));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyFileException(file, "'" + PRIVATE_KEY + "' is not 64 hex characters");
        }
        String publicHex = properties.getProperty(PUBLIC_KEY);
        if (publicHex != null && !publicHex.trim().equals(key.publicKey().toString())) {
            throw new InvalidKeyFileException(file, "'" + PUBLIC_KEY + "' does not belong to its private key");
        }
        return key;
    }

    /** Reads the key at {@code file}, or creates one there if none exists yet. */
    public static Ed25519PrivateKey readOrCreate(Path file, SecureRandom random) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(random);
        write(file, key);
        return key;
    }

    /** A key file that cannot be used, with what is wrong with it. */
    public static final class InvalidKeyFileException extends IOException {
        public InvalidKeyFileException(Path file, String problem) {
            super("Key file " + file + " cannot be used: " + problem
                    + ". Restore it from a backup, or move it away to have a new key made.");
        }
    }
}
