package io.vantaechonebula.p2p.handshake;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * P10: the one form a node's address takes, {@code http://host:port} or {@code https://host:port}: a port
 * always, and no path, query, fragment or user. Whatever a peer or an operator gives is read into it, or
 * refused with what is wrong.
 */
public final class PeerAddress {

    /** Longer than any host name (253) with a scheme and a port. */
    public static final int MAX_LENGTH = 300;

    private PeerAddress() {
    }

    /**
     * The address in its one form: scheme and host in lower case, no trailing slash.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static String normalise(String address) {
        String trimmed = address.trim();
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an address of " + trimmed.length() + " characters is longer than the "
                    + MAX_LENGTH + " allowed");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a URL: " + e.getReason()
                    + "; give http://host:port");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an http or https URL; give http://host:port");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + trimmed + "' names no host (or a user as well); give http://host:port");
        }
        if (uri.getPort() < 1 || uri.getPort() > 65_535) {
            throw new IllegalArgumentException("'" + trimmed + "' gives no port (1 to 65535); give http://host:port, e.g. http://"
                    + uri.getHost() + ":8080");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + trimmed + "' has a path, query or fragment; a node's address is only "
                    + "http://host:port");
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
    }

    /** What is wrong with the address, if it is not in the one form (see {@link #normalise}). */
    public static Optional<String> problemWith(String address) {
        try {
            normalise(address);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    public static boolean isValid(String address) {
        return problemWith(address).isEmpty();
    }

    /**
     * Whether the address names this machine or a private network by its literal host: {@code localhost},
     * loopback, site-local (10/8, 172.16/12, 192.168/16), shared (100.64/10), link-local, unique-local IPv6 or
     * unspecified. A host name that resolves to such an address is not caught: names are not resolved here.
     */
    public static boolean isPrivate(String address) {
        String host = URI.create(normalise(address)).getHost();
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        if (!host.startsWith("[") && !host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            return false;
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByName(host); // a literal: nothing is looked up
        } catch (UnknownHostException e) {
            return false;
        }
        byte[] bytes = ip.getAddress();
        boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        boolean sharedAddressSpace = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return ip.isLoopbackAddress() || ip.isSiteLocalAddress() || ip.isLinkLocalAddress() || ip.isAnyLocalAddress()
                || uniqueLocal || sharedAddressSpace;
    }
}
