package io.vantaechonebula.chain.crypto;

import java.util.HexFormat;

/** Lower-case hexadecimal, the one text form of bytes used across the chain. */
public final class Hex {

    private static final HexFormat FORMAT = HexFormat.of();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    /** @throws IllegalArgumentException when the text is not an even-length hexadecimal string */
    public static byte[] decode(String hex) {
        return FORMAT.parseHex(hex);
    }
}
