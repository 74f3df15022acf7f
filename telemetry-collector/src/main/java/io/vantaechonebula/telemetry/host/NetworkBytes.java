package io.vantaechonebula.telemetry.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Bytes received plus sent through the network interfaces of this process's network namespace,
 * loopback excepted, from Linux's {@code /proc/self/net/dev}. The kernel counts per interface,
 * not per process, so on a shared host this is the host's traffic.
 */
public final class NetworkBytes {

    private static final Path PROC_NET_DEV = Path.of("/proc/self/net/dev");

    private NetworkBytes() {
    }

    /** Empty where the file does not exist (not Linux) or cannot be read. */
    public static OptionalLong read() {
        try {
            return Files.isReadable(PROC_NET_DEV) ? OptionalLong.of(total(Files.readString(PROC_NET_DEV))) : OptionalLong.empty();
        } catch (IOException | IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }

    /** Sums the receive and transmit byte columns of every interface but {@code lo}. */
    static long total(String procNetDev) {
        long total = 0;
        for (String line : procNetDev.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.contains("|")) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            if (name.equals("lo")) {
                continue;
            }
            String[] fields = line.substring(colon + 1).trim().split("\\s+");
            if (fields.length < 9) {
                throw new IllegalArgumentException("Interface " + name + " has " + fields.length + " counters, expected 16");
            }
            total += Long.parseLong(fields[0]) + Long.parseLong(fields[8]);
        }
        return total;
    }
}
