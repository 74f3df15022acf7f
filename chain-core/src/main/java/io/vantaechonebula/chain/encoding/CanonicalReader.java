package io.vantaechonebula.chain.encoding;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads the canonical encoding, refusing anything that is not exactly one well-formed value. */
public final class CanonicalReader {

    private final byte[] data;
    private int position;

    public CanonicalReader(byte[] data) {
        this.data = data;
    }

    public int u8() throws MalformedEncodingException {
        need(1, "u8");
        return data[position++] & 0xff;
    }

    public int u16() throws MalformedEncodingException {
        need(2, "u16");
        int value = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
        position += 2;
        return value;
    }

    public long u32() throws MalformedEncodingException {
        need(4, "u32");
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (data[position++] & 0xff);
        }
        return value;
    }

    public long i64() throws MalformedEncodingException {
        need(8, "i64");
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (data[position++] & 0xff);
        }
        return value;
    }

    public byte[] fixed(int length) throws MalformedEncodingException {
        need(length, length + " bytes");
        byte[] bytes = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return bytes;
    }

    public byte[] bytes(int maxLength) throws MalformedEncodingException {
        long length = u32();
        if (length > maxLength) {
            throw new MalformedEncodingException("a byte string of " + length + " bytes is longer than the " + maxLength + " allowed");
        }
        return fixed((int) length);
    }

    public String text(int maxBytes) throws MalformedEncodingException {
        int length = u16();
        if (length > maxBytes) {
            throw new MalformedEncodingException("a text of " + length + " bytes is longer than the " + maxBytes + " allowed");
        }
        byte[] utf8 = fixed(length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEncodingException("a text is not valid UTF-8");
        }
    }

    /** @throws MalformedEncodingException when bytes are left over after the value */
    /** Bytes not read yet. */
    public int remaining() {
        return data.length - position;
    }

    public void expectEnd() throws MalformedEncodingException {
        if (position != data.length) {
            throw new MalformedEncodingException((data.length - position) + " bytes follow the end of the value");
        }
    }

    private void need(int count, String what) throws MalformedEncodingException {
        if (data.length - position < count) {
            throw new MalformedEncodingException("the encoding ends before its " + what + " at byte " + position);
        }
    }
}
