package io.vantaechonebula.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The rates each door takes, per source address, node or user (docs/configuration.md,
 * {@code vanta.ratelimit.*}, read at each request). This machine's own addresses are not limited
 * unless {@code vanta.ratelimit.limit-loopback} is true: the load drivers and a light node on the
 * server's host are the operator's own.
 */
@ApplicationScoped
public class RateLimits {

    /** What is limited, with its default rate a second and burst. */
    public enum Door {
        INGEST("ingest", 200, 400),
        INGEST_NODE("ingest-node", 5, 20),
        AI_PROCESS("ai-process", 20, 40),
        TRANSACTIONS("transactions", 200, 400),
        FAILED_LOGINS("failed-logins", 1.0 / 6, 10);

        final String key;
        final double perSecond;
        final double burst;

        Door(String key, double perSecond, double burst) {
            this.key = key;
            this.perSecond = perSecond;
            this.burst = burst;
        }
    }

    private final RateLimiter limiter = new RateLimiter();

    /** @return 0 when the request may go on, else the seconds to wait */
    public long take(Door door, String who, String remoteAddress) {
        if (exempt(remoteAddress)) {
            return 0;
        }
        Config config = ConfigProvider.getConfig();
        return limiter.take(door.key + " " + who, perSecond(config, door), burst(config, door), System.nanoTime());
    }

    /** @return 0 when a token is there now, else the seconds to wait; takes none */
    public long waitFor(Door door, String who, String remoteAddress) {
        if (exempt(remoteAddress)) {
            return 0;
        }
        Config config = ConfigProvider.getConfig();
        return limiter.waitFor(door.key + " " + who, perSecond(config, door), burst(config, door), System.nanoTime());
    }

    private static boolean exempt(String remoteAddress) {
        if (ConfigProvider.getConfig().getOptionalValue("vanta.ratelimit.limit-loopback", Boolean.class).orElse(false)) {
            return false;
        }
        try {
            return remoteAddress != null && InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    private static double perSecond(Config config, Door door) {
        return Math.max(0.001, config.getOptionalValue("vanta.ratelimit." + door.key + ".per-second", Double.class)
                .orElse(door.perSecond));
    }

    private static double burst(Config config, Door door) {
        return Math.max(1, config.getOptionalValue("vanta.ratelimit." + door.key + ".burst", Double.class).orElse(door.burst));
    }
}
