package io.vantaechonebula.pool.config;

import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The pool's settings by key (docs/configuration.md), as text; a value not of its type is refused with its key named. */
final class Settings {

    private Settings() {
    }

    /** The server's MicroProfile Config as it stands now. */
    static Function<String, Optional<String>> current() {
        Config config = ConfigProvider.getConfig(Settings.class.getClassLoader());
        return key -> config.getOptionalValue(key, String.class);
    }

    /** A whole number of at least {@code least}, or the fallback when the key is not set. */
    static long wholeNumber(Function<String, Optional<String>> values, String key, long least, long fallback, String unit) {
        Optional<String> text = values.apply(key).map(String::trim).filter(value -> !value.isEmpty());
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.get());
            if (value >= least) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Said below, with the key.
        }
        throw new IllegalArgumentException(key + " takes a whole number of " + unit + " from " + least + ", not '" + text.get()
                + "'");
    }

    /** true or false, or the fallback when the key is not set. */
    static boolean bool(Function<String, Optional<String>> values, String key, boolean fallback) {
        Optional<String> text = values.apply(key).map(String::trim).filter(value -> !value.isEmpty());
        if (text.isEmpty()) {
            return fallback;
        }
        return switch (text.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " takes true or false, not '" + text.get() + "'");
        };
    }
}
