package io.vantaechonebula.telemetry;

import java.util.Optional;
import java.util.function.Function;

/**
 * How much one payload may hold, the same over HTTP and JMS (docs/configuration.md).
 *
 * @param maxBodyBytes the largest payload, in bytes of UTF-8 ({@code vanta.ingest.max-body-bytes})
 * @param maxSamplesPerBatch the most samples in one batch ({@code vanta.ingest.max-samples-per-batch})
 */
public record IngestLimits(long maxBodyBytes, int maxSamplesPerBatch) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1_048_576;

    /** @param values the configured value of a key, if set */
    public static IngestLimits from(Function<String, Optional<String>> values) {
        return new IngestLimits(number(values, "vanta.ingest.max-body-bytes", DEFAULT_MAX_BODY_BYTES, 1024, 64L << 20),
                (int) number(values, "vanta.ingest.max-samples-per-batch", TelemetryParser.DEFAULT_MAX_SAMPLES_PER_BATCH, 1, 100_000));
    }

    private static long number(Function<String, Optional<String>> values, String key, long fallback, long least, long most) {
        Optional<String> text = values.apply(key).map(String::trim).filter(value -> !value.isEmpty());
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.get());
            if (value >= least && value <= most) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Said below, with the key.
        }
        throw new IllegalArgumentException(key + " takes a whole number from " + least + " to " + most + ", not '" + text.get() + "'");
    }
}
