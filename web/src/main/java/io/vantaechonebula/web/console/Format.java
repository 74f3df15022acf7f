package io.vantaechonebula.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write figures: ages, durations, rates and times, in one place ({@code #{format.age(ms)}}). */
@Named
@ApplicationScoped
public class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A duration in milliseconds as "850 ms", "12.4 s", "7 min 3 s", "2 h 5 min" or "3 d 4 h". */
    public String duration(long ms) {
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }

    /** How long ago a time was, "12.4 s ago"; "never" for 0 or less. */
    public String ago(long atMs) {
        return atMs <= 0 ? "never" : duration(Math.max(0, System.currentTimeMillis() - atMs)) + " ago";
    }

    public String time(long atMs) {
        return atMs <= 0 ? "never" : TIME.format(Instant.ofEpochMilli(atMs));
    }

    /** A rate or a large figure with SI prefixes: "950", "12.3 k", "4.56 M". */
    public String si(Number number) {
        double value = number.doubleValue();
        double abs = Math.abs(value);
        if (abs >= 1e12) {
            return String.format(Locale.ROOT, "%.2f T", value / 1e12);
        }
        if (abs >= 1e9) {
            return String.format(Locale.ROOT, "%.2f G", value / 1e9);
        }
        if (abs >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", value / 1e6);
        }
        if (abs >= 1e4) {
            return String.format(Locale.ROOT, "%.1f k", value / 1e3);
        }
        return abs >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
