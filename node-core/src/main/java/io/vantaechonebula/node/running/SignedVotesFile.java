package io.vantaechonebula.node.running;

import io.vantaechonebula.chain.finality.SignedVotes;
import io.vantaechonebula.chain.vote.Vote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * A validator's slashing protection for one chain in a small file beside its node key: the last vote it
 * signed as {@code height round block-hash}, replaced whole (written, forced to disk, then renamed over
 * the old one) before each vote is sent, so that a crash leaves the old record or the new one.
 */
public final class SignedVotesFile implements SignedVotes {

    private final Path file;
    private long highest;

    private SignedVotesFile(Path file, long highest) {
        this.file = file;
        this.highest = highest;
    }

    /**
     * The record of one chain's votes in {@code directory} (where the node key is).
     *
     * @throws IllegalStateException when a record is there but cannot be read: the node must not vote
     *                               blind, and deleting the file risks the key's stake
     */
    public static SignedVotesFile in(Path directory, String chainName) {
        Path file = directory.resolve("signed-votes." + chainName);
        if (!Files.exists(file)) {
            return new SignedVotesFile(file, -1);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the slashing-protection record " + file + ": " + e.getMessage(), e);
        }
        String[] parts = text.split(" ");
        try {
            long height = Long.parseLong(parts[0]);
            if (parts.length != 3 || height < 0) {
                throw new NumberFormatException("expected 'height round block-hash'");
            }
            return new SignedVotesFile(file, height);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("The slashing-protection record " + file + " reads '" + text + "', not 'height round"
                    + " block-hash'. Restore it from a backup, or write the height of the highest block this key may have voted"
                    + " on (for example the chain's height now) as '<height> 0 -'; deleting it lets the key vote again at"
                    + " heights it voted at and risks its stake", e);
        }
    }

    @Override
    public synchronized OptionalLong highestSigned() {
        return highest < 0 ? OptionalLong.empty() : OptionalLong.of(highest);
    }

    @Override
    public synchronized void signed(Vote vote) {
        if (vote.height() < highest) {
            return;
        }
        byte[] line = (vote.height() + " " + vote.round() + " " + vote.blockHash() + "\n").getBytes(StandardCharsets.US_ASCII);
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try {
            try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(line));
                channel.force(true);
            }
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel directory = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        highest = vote.height();
    }
}
