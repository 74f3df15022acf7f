package io.vantaechonebula.pool.store;

import io.vantaechonebula.pool.api.SampleView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The samples of one node in one payload as one value: a format version, the count, then for each
 * sample its type, chain and timestamp, a bit for each metric it carries, and those metrics. The
 * node and the time received are the block's, not repeated per sample. Format 2 added the storage
 * usage as the last metric, format 3 the sync status (syncing as 0 or 1, then blocks behind); a block of an older
 * format reads as one whose samples never carry what came later.
 */
final class SampleBlockCodec {

    private static final int VERSION = 3;
    private static final int OLDEST_READABLE = 1;

    private SampleBlockCodec() {
    }

    static byte[] encode(List<SampleView> samples) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + samples.size() * 160);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(samples.size());
            for (SampleView s : samples) {
                out.writeUTF(s.nodeType());
                out.writeUTF(s.chainId());
                out.writeUTF(s.timestamp().toPlainString());
                Object[] metrics = metricsOf(s);
                int present = 0;
                for (int i = 0; i < metrics.length; i++) {
                    present |= metrics[i] != null ? 1 << i : 0;
                }
                out.writeShort(present);
                for (Object metric : metrics) {
                    if (metric instanceof Long whole) {
                        out.writeLong(whole);
                    } else if (metric instanceof Double real) {
                        out.writeDouble(real);
                    } else if (metric instanceof String text) {
                        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                        out.writeInt(utf8.length);
                        out.write(utf8);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @param verified whether the block's samples came signed, which the block's row records */
    static List<SampleView> decode(byte[] block, String nodeId, long receivedAtMs, boolean verified) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(block))) {
            int version = in.readUnsignedByte();
            if (version < OLDEST_READABLE || version > VERSION) {
                throw new IllegalStateException("A stored sample block has format " + version + "; this build reads "
                        + OLDEST_READABLE + " to " + VERSION + ". Run the build that wrote it, or remove the pool's raw samples.");
            }
            int count = in.readInt();
            List<SampleView> samples = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String nodeType = in.readUTF();
                String chainId = in.readUTF();
                BigDecimal timestamp = new BigDecimal(in.readUTF());
                int present = in.readUnsignedShort();
                Long seq = whole(in, present, 0);
                Long height = whole(in, present, 1);
                Long blocks = whole(in, present, 2);
                Long transactions = whole(in, present, 3);
                Double hashRate = real(in, present, 4);
                Long peers = whole(in, present, 5);
                Double latency = real(in, present, 6);
                Double bandwidth = real(in, present, 7);
                Double quality = real(in, present, 8);
                Double cpu = real(in, present, 9);
                Double memory = real(in, present, 10);
                Double uptime = real(in, present, 11);
                String extensions = text(in, present, 12);
                Double storage = real(in, present, 13);
                Long syncing = whole(in, present, 14);
                Long behind = whole(in, present, 15);
                samples.add(new SampleView(nodeId, nodeType, chainId, timestamp, seq, receivedAtMs, height, blocks,
                        transactions, hashRate, syncing == null ? null : syncing == 1, behind, peers, latency, bandwidth, quality, cpu, memory, storage, uptime, extensions, verified));
            }
            return samples;
        } catch (IOException e) {
            throw new IllegalStateException("A stored sample block is cut short or damaged", e);
        }
    }

    /** In the order decode reads them back: a metric's index is its bit, so new metrics only go at the end. */
    private static Object[] metricsOf(SampleView s) {
        return new Object[] {s.seq(), s.currentHeight(), s.blocksProcessed(), s.transactionCount(), s.miningHashRate(),
            s.peerCount(), s.averageLatencyMs(), s.bandwidthUsage(), s.connectionQuality(), s.cpuUsage(),
            s.memoryUsage(), s.uptimeSeconds(), s.extensionsJson(), s.storageUsage(),
            s.syncing() == null ? null : (Long) (s.syncing() ? 1L : 0L), s.blocksBehind()};
    }

    private static Long whole(DataInputStream in, int present, int bit) throws IOException {
        return (present & 1 << bit) != 0 ? in.readLong() : null;
    }

    private static Double real(DataInputStream in, int present, int bit) throws IOException {
        return (present & 1 << bit) != 0 ? in.readDouble() : null;
    }

    private static String text(DataInputStream in, int present, int bit) throws IOException {
        if ((present & 1 << bit) == 0) {
            return null;
        }
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
