package io.vantaechonebula.pool.config;

import io.vantaechonebula.telemetry.IngestLimits;
import java.util.Optional;
import java.util.function.Function;

/**
 * How much the intake queues before producers wait (docs/configuration.md). Read again at each check,
 * so a running server takes a new limit within seconds.
 *
 * @param queueLimit the most messages {@code NodeData} holds ({@code vanta.pool.queue-limit})
 * @param acceptUnverified whether payloads of nodes that registered no key are taken, marked unverified
 *                         ({@code vanta.pool.accept-unverified}, true: the seeds' own clients do not sign)
 */
public record IntakeSettings(long queueLimit, boolean acceptUnverified) {

    public static final long DEFAULT_QUEUE_LIMIT = 10_000;

    /** The settings as the server's configuration holds them now. */
    public static IntakeSettings current() {
        return from(Settings.current());
    }

    /** How much one payload may hold, as the HTTP door reads it too. */
    public static IngestLimits ingestLimits() {
        return IngestLimits.from(Settings.current());
    }

    static IntakeSettings from(Function<String, Optional<String>> values) {
        return new IntakeSettings(Settings.wholeNumber(values, "vanta.pool.queue-limit", 1, DEFAULT_QUEUE_LIMIT, "messages"),
                Settings.bool(values, "vanta.pool.accept-unverified", true));
    }
}
