package io.vantaechonebula.node.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Settings by key (docs/configuration.md), read as their types; a value that is not of its type stops the start
 * with a message that names the key and what it takes.
 *
 * @param values a setting's text by its key, empty when it is not set
 */
public record SettingsSource(Function<String, Optional<String>> values) {

    private static final List<String> TRUE = List.of("true", "1", "yes", "y", "on");
    private static final List<String> FALSE = List.of("false", "0", "no", "n", "off");

    /** The server's MicroProfile Config: system properties, the environment, and the short environment aliases. */
    public static SettingsSource ofConfig() {
        Config config = ConfigProvider.getConfig(SettingsSource.class.getClassLoader());
        return new SettingsSource(key -> config.getOptionalValue(key, String.class));
    }

    public Optional<String> text(String key) {
        return values.apply(key).map(String::trim).filter(text -> !text.isEmpty());
    }

    public boolean flag(String key, boolean fallback) {
        return text(key).map(text -> {
            String word = text.toLowerCase(Locale.ROOT);
            if (TRUE.contains(word)) {
                return true;
            }
            if (FALSE.contains(word)) {
                return false;
            }
            throw new IllegalArgumentException(key + " takes true or false, not '" + text + "'");
        }).orElse(fallback);
    }

    /** A whole number from 1 to {@link Integer#MAX_VALUE}. */
    public int positive(String key, int fallback) {
        return wholeNumber(key, 1, "a positive whole number").orElse(fallback);
    }

    /** A whole number from 0 to {@link Integer#MAX_VALUE}: a count, where 0 means none. */
    public int count(String key, int fallback) {
        return wholeNumber(key, 0, "a whole number, 0 or more").orElse(fallback);
    }

    private Optional<Integer> wholeNumber(String key, int least, String takes) {
        return text(key).map(text -> {
            try {
                int value = Integer.parseInt(text);
                if (value >= least) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // Said below, with the key.
            }
            throw new IllegalArgumentException(key + " takes " + takes + ", not '" + text + "'");
        });
    }

    /** A comma-separated list, its entries trimmed and the empty ones left out. */
    public Optional<List<String>> list(String key) {
        return text(key).map(text -> Arrays.stream(text.split(",")).map(String::trim).filter(entry -> !entry.isEmpty())
                .toList());
    }
}
