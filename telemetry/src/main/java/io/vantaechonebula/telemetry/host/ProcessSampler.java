package io.vantaechonebula.telemetry.host;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.OptionalLong;

/**
 * Samples this JVM: the share of the machine's CPU it used since the last sample, how full its
 * heap is, its uptime, and network bytes per second since the last sample. One sampler per
 * collector; the first sample measures from the sampler's creation.
 */
public final class ProcessSampler {

    /** One reading; {@code bandwidthBytesPerSecond} is 0 where the network counters cannot be read. */
    public record Reading(double cpuUsage, double memoryUsage, double uptimeSeconds, double bandwidthBytesPerSecond) {
    }

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final int processors = Runtime.getRuntime().availableProcessors();
    private long lastWallNanos = System.nanoTime();
    private long lastCpuNanos = os.getProcessCpuTime();
    private OptionalLong lastNetworkBytes = NetworkBytes.read();

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
        return new Reading(cpuUsage, Math.min(1, (double) heap.getUsed() / max),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1e3, bandwidth);
    }

    /** CPU time over wall time on all processors, between 0 and 1; 0 where the JVM cannot tell CPU time. */
    static double cpuShare(long cpuNanos, long wallNanos, int processors) {
        if (cpuNanos < 0 || wallNanos <= 0) {
            return 0;
        }
        return Math.min(1, (double) cpuNanos / ((double) wallNanos * processors));
    }
}
