package io.vantaechonebula.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The TCP sockets this machine listens on, from {@code /proc/net/tcp} and {@code tcp6}, as {@code ss -ltn} shows them. */
final class Listeners {

    private static final String LISTEN = "0A";

    private Listeners() {
    }

    static boolean anyOn(int port) throws IOException {
        return !addressesOn(port).isEmpty();
    }

    /** The local addresses (hex, as the kernel writes them) of the listening sockets on a port. */
    static List<String> addressesOn(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (fields[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(local[0]);
                }
            }
        }
        return addresses;
    }

    /** 127.0.0.1 (IPv4, little-endian hex), ::1, or 127.0.0.1 mapped into IPv6. */
    static boolean isLoopback(String hexAddress) {
        return hexAddress.equals("0100007F")
                || hexAddress.equals("00000000000000000000000001000000")
                || hexAddress.equals("0000000000000000FFFF00000100007F");
    }
}
