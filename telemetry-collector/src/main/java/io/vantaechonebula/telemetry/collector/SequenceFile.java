package io.vantaechonebula.telemetry.collector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The node's sample counter, kept in a file so numbers are never reused after a restart: the pool
 * stores one sample per node and number, and a reused number would be taken for a resend. Numbers
 * are reserved a block at a time; a crash skips the rest of the block, which is harmless.
 */
public final class SequenceFile {

    private static final long BLOCK = 1000;

    private final Path file;
    private long next;
    private long reservedUpTo;

    public SequenceFile(Path file) {
        this.file = file;
        this.next = read(file);
        this.reservedUpTo = next;
    }

    public synchronized long next() {
        if (next == reservedUpTo) {
            reservedUpTo = next + BLOCK;
            write(file, reservedUpTo);
        }
        return next++;
    }

    private static long read(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample counter " + file + ": " + e.getMessage(), e);
        }
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("The sample counter " + file + " holds \"" + text
                    + "\" instead of a whole number >= 0. Put the number of the last sample sent plus one in it"
                    + " (or a larger number); deleting it makes the pool drop new samples as resends.");
        }
    }

    private static void write(Path file, long value) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap((value + "\n").getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sample counter " + file + ": " + e.getMessage(), e);
        }
    }
}
