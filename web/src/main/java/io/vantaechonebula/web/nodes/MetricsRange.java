package io.vantaechonebula.web.nodes;

import io.vantaechonebula.pool.api.Resolution;
import io.vantaechonebula.web.problem.ApiProblemException;
import io.vantaechonebula.web.problem.ProblemType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The query of {@code GET /api/v1/nodes/{id}/metrics}: a resolution and a time range. Times are
 * ISO-8601 instants or epoch seconds; {@code to} defaults to now and {@code from} to one span
 * before it (an hour for raw and minute, a day for hour).
 *
 * @param resolution empty for raw samples
 */
record MetricsRange(Optional<Resolution> resolution, long fromMs, long toMs) {

    static final Duration MAX_RAW_OR_MINUTE_SPAN = Duration.ofDays(1);
    static final Duration MAX_HOUR_SPAN = Duration.ofDays(92);

    static MetricsRange parse(String resolutionText, String fromText, String toText, long nowMs) {
        Optional<Resolution> resolution = resolution(resolutionText);
        long to = toText == null || toText.isBlank() ? nowMs : instant("to", toText);
        Duration defaultSpan = resolution.filter(r -> r == Resolution.HOUR).isPresent() ? Duration.ofDays(1) : Duration.ofHours(1);
        long from = fromText == null || fromText.isBlank() ? to - defaultSpan.toMillis() : instant("from", fromText);
        if (from >= to) {
            throw invalid("'from' must be before 'to'");
        }
        Duration max = resolution.filter(r -> r == Resolution.HOUR).isPresent() ? MAX_HOUR_SPAN : MAX_RAW_OR_MINUTE_SPAN;
        if (to - from > max.toMillis()) {
            throw invalid("a " + resolution.map(Resolution::id).orElse("raw") + " query spans at most " + max.toDays()
                    + " day(s); narrow 'from' and 'to' or ask for a coarser resolution");
        }
        return new MetricsRange(resolution, from, to);
    }

    private static Optional<Resolution> resolution(String text) {
        String value = text == null ? "minute" : text.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "raw" -> Optional.empty();
            case "minute" -> Optional.of(Resolution.MINUTE);
            case "hour" -> Optional.of(Resolution.HOUR);
            default -> throw invalid("'resolution' must be raw, minute or hour, got '" + text + "'");
        };
    }

    private static long instant(String name, String text) {
        try {
            return Instant.parse(text.trim()).toEpochMilli();
        } catch (DateTimeParseException notIso) {
            try {
                return new BigDecimal(text.trim()).movePointRight(3).longValueExact();
            } catch (NumberFormatException | ArithmeticException notSeconds) {
                throw invalid("'" + name + "' must be an ISO-8601 instant (2026-11-22T10:00:00Z) or epoch seconds, got '"
                        + text + "'");
            }
        }
    }

    private static ApiProblemException invalid(String message) {
        return new ApiProblemException(ProblemType.INVALID_PARAMETER, message);
    }
}
