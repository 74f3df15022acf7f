package io.vantaechonebula.chain.store;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a storage size such as {@code 1GB}, {@code 500 MB}, {@code 64k} or {@code 1048576} (bytes). */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+)\\s*([kmgt]?)i?b?\\s*");

    private ByteSize() {
    }

    public static long parse(String text, String key) {
        Matcher matcher = SIZE.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(key + " is '" + text + "'; give a size such as 1GB, 500MB or a number of bytes");
        }
        long value = Long.parseLong(matcher.group(1));
        int shift = switch (matcher.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        return value << shift;
    }
}
