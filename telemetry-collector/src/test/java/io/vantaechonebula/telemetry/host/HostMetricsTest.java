package io.vantaechonebula.telemetry.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostMetricsTest {

    private static final String PROC_NET_DEV = """
            Inter-|   Receive                                                |  Transmit
             face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                lo: 13797429583 6429731    0    0    0     0          0         0 13797429583 6429731    0    0    0     0       0          0
              eth0: 1000 10    0    0    0     0          0         0 250 5    0    0    0     0       0          0
              ifb0:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0
              wlan0: 40 1 0 0 0 0 0 0 2 1 0 0 0 0 0 0
            """;

    @Test
    void networkBytesAreReceivedPlusSentOnEveryInterfaceButLoopback() {
        assertThat(NetworkBytes.total(PROC_NET_DEV)).isEqualTo(1000 + 250 + 40 + 2);
    }

    @Test
    void aTruncatedInterfaceLineIsAnErrorNotAZero() {
        assertThatThrownBy(() -> NetworkBytes.total("  eth0: 1000 10 0\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eth0");
    }

    @Test
    void cpuShareIsCpuTimeOverWallTimeOnAllProcessors() {
        assertThat(ProcessSampler.cpuShare(1_000_000_000L, 1_000_000_000L, 2)).isEqualTo(0.5);
        assertThat(ProcessSampler.cpuShare(3_000_000_000L, 1_000_000_000L, 2)).isEqualTo(1.0);
        assertThat(ProcessSampler.cpuShare(-1, 1_000_000_000L, 2)).isZero();
    }

    @Test
    void aSampleOfThisJvmHoldsRealValuesInRange() throws Exception {
        ProcessSampler sampler = new ProcessSampler();
        long until = System.nanoTime() + 200_000_000L;
        double spin = 0;
        while (System.nanoTime() < until) {
            spin += Math.sqrt(spin + 1);
        }
        ProcessSampler.Reading reading = sampler.sample();

        assertThat(spin).isPositive();
        assertThat(reading.cpuUsage()).isGreaterThan(0).isLessThanOrEqualTo(1);
        assertThat(reading.memoryUsage()).isGreaterThan(0).isLessThanOrEqualTo(1);
        assertThat(reading.uptimeSeconds()).isGreaterThan(0);
        assertThat(reading.storageUsage()).as("no data directory, nothing to measure").isNull();
        assertThat(reading.bandwidthBytesPerSecond()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void storageUsageIsTheShareOfTheDataDirectorysDiskInUse(@TempDir Path data) throws Exception {
        FileStore disk = Files.getFileStore(data);
        double expected = (double) (disk.getTotalSpace() - disk.getUsableSpace()) / disk.getTotalSpace();

        Double usage = new ProcessSampler(data).sample().storageUsage();

        assertThat(usage).isBetween(0.0, 1.0).isCloseTo(expected, within(0.01));
        assertThat(ProcessSampler.storageUsage(data.resolve("not-yet-created/state"))).as("measured on the disk it will be on")
                .isCloseTo(expected, within(0.01));
    }
}
