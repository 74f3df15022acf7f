package io.vantaechonebula.telemetry.host;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Samples this JVM: the share of the machine's CPU it used since the last sample, how full its
 * heap is, how full the disk holding its data is, its uptime, and network bytes per second since
 * the last sample. One sampler per collector; the first sample measures from the sampler's creation.
 */
public final class ProcessSampler {

    /**
     * One reading; {@code bandwidthBytesPerSecond} is 0 where the network counters cannot be read,
     * {@code storageUsage} null where there is no data directory to measure or its disk cannot be read.
     */
    public record Reading(double cpuUsage, double memoryUsage, Double storageUsage, double uptimeSeconds,
                          double bandwidthBytesPerSecond) {
    }

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final int processors = Runtime.getRuntime().availableProcessors();
    private long lastWallNanos = System.nanoTime();
    private long lastCpuNanos = os.getProcessCpuTime();
    private OptionalLong lastNetworkBytes = NetworkBytes.read();
    private final Path dataDirectory;

    /** @param dataDirectory where the node keeps its data: the share of its disk in use is reported */
    public ProcessSampler(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** A sampler that reports no storage usage. */
    public ProcessSampler() {
        this(null);
    }

    public synchronized Reading sample() {
        long wall = System.nanoTime();
        long cpu = os.getProcessCpuTime();
        OptionalLong network = NetworkBytes.read();
        double seconds = Math.max(1e-9, (wall - lastWallNanos) / 1e9);
        double cpuUsage = cpuShare(cpu - lastCpuNanos, wall - lastWallNanos, processors);
        double bandwidth = network.isPresent() && lastNetworkBytes.isPresent()
                ? Math.max(0, network.getAsLong() - lastNetworkBytes.getAsLong()) / seconds : 0;
        lastWallNanos = wall;
        lastCpuNanos = cpu;
        lastNetworkBytes = network;
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        return new Reading(cpuUsage, Math.min(1, (double) heap.getUsed() / max), storageUsage(dataDirectory),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1e3, bandwidth);
    }

    /** The share of the disk holding {@code directory} that is in use, as {@code df} shows it; null where unknown. */
    static Double storageUsage(Path directory) {
        // A directory not created yet will be on the disk of its nearest existing parent.
        Path existing = directory == null ? null : directory.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return null;
        }
        try {
            FileStore disk = Files.getFileStore(existing);
            long total = disk.getTotalSpace();
            return total <= 0 ? null : Math.min(1, Math.max(0, (double) (total - disk.getUsableSpace()) / total));
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** CPU time over wall time on all processors, between 0 and 1; 0 where the JVM cannot tell CPU time. */
    static double cpuShare(long cpuNanos, long wallNanos, int processors) {
        if (cpuNanos < 0 || wallNanos <= 0) {
            return 0;
        }
        return Math.min(1, (double) cpuNanos / ((double) wallNanos * processors));
    }
}
