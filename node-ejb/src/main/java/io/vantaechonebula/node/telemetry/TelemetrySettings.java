package io.vantaechonebula.node.telemetry;

import io.vantaechonebula.node.config.SettingsSource;
import io.vantaechonebula.telemetry.collector.PoolProbe;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How the server's own collector runs (docs/configuration.md), read once at start.
 *
 * @param poolCandidates where to look for the pool: the configured URL, else this machine's usual ports
 */
record TelemetrySettings(boolean enabled, Duration interval, int bufferCapacity, List<URI> poolCandidates) {

    static TelemetrySettings from(SettingsSource settings) {
        return new TelemetrySettings(settings.flag("vanta.telemetry.enabled", true),
                Duration.ofSeconds(settings.positive("vanta.telemetry.interval-seconds", 5)),
                settings.positive("vanta.telemetry.buffer-capacity", 10_000),
                settings.text("vanta.telemetry.pool-url").map(url -> List.of(URI.create(url))).orElse(PoolProbe.LOCAL_CANDIDATES));
    }
}
