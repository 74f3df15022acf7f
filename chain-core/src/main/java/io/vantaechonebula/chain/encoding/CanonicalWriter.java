package io.vantaechonebula.chain.encoding;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes values in the canonical encoding (docs/chain-spec.md §1). */
public final class CanonicalWriter {

    private final ByteArrayOutputStream out;

    public CanonicalWriter() {
        this(128);
    }

    public CanonicalWriter(int expectedSize) {
        out = new ByteArrayOutputStream(expectedSize);
    }

    public CanonicalWriter u8(int value) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("u8 out of range: " + value);
        }
        out.write(value);
        return this;
    }

    public CanonicalWriter u16(int value) {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException("u16 out of range: " + value);
        }
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    public CanonicalWriter u32(long value) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException("u32 out of range: " + value);
        }
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    /** A signed 64-bit value, two's complement, big-endian. */
    public CanonicalWriter i64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    /** Exactly {@code length} bytes, no prefix: for fields of fixed size (keys, hashes, addresses). */
    public CanonicalWriter fixed(byte[] bytes, int length) {
        if (bytes.length != length) {
            throw new IllegalArgumentException("expected " + length + " bytes, got " + bytes.length);
        }
        out.writeBytes(bytes);
        return this;
    }

    /** A u32 length, then the bytes. */
    public CanonicalWriter bytes(byte[] bytes) {
        u32(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    /** A u16 length, then the UTF-8 bytes. */
    public CanonicalWriter text(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        u16(utf8.length);
        out.writeBytes(utf8);
        return this;
    }

    public CanonicalWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
