package io.vantaechonebula.web;

import io.vantaechonebula.web.problem.ApiProblemException;
import io.vantaechonebula.web.problem.ProblemType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body as UTF-8 text, refusing it when it passes the size limit. An oversized
 * body is read to its end (up to a cap) and discarded before the refusal, because a client still
 * sending when the server answers often sees a reset connection instead of the 413. A body that
 * stops arriving, or trickles in past the server's time for a request ({@code ./vanta start} sets
 * it), is refused as incomplete.
 */
public final class LimitedBody {

    /** Past this many bytes an oversized body is no longer drained; the connection is dropped. */
    static final long DRAIN_CAP_BYTES = 32L * 1024 * 1024;

    private LimitedBody() {
    }

    /**
     * @param notUtf8 the problem to answer when the bytes are not UTF-8
     * @param advice what the client should do instead, ending the too-large message
     */
    public static String read(InputStream in, long limit, ProblemType notUtf8, String advice) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > limit) {
                    drain(in, buffer, total);
                    throw tooLarge(limit, advice);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw incomplete(total);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new ApiProblemException(notUtf8, "The body is not UTF-8 text; send JSON in UTF-8");
        }
    }

    /**
     * The answer to a body that broke off or was cut at the server's time limit. The server cuts it by
     * interrupting the reading thread; the flag is cleared so that the answer can still be written.
     */
    public static ApiProblemException incomplete() {
        return incomplete("The body stopped arriving");
    }

    private static ApiProblemException incomplete(long bytesRead) {
        return incomplete("The body stopped arriving after " + bytesRead + " bytes");
    }

    private static ApiProblemException incomplete(String what) {
        Thread.interrupted();
        return new ApiProblemException(ProblemType.BODY_INCOMPLETE, what + ", or came too slowly to finish within the"
                + " server's time for a request; nothing was accepted. Send the whole body at once.");
    }

    /** Reads on to the cap; a server that ends the upload itself (WildFly past its own size limit) ends it here too. */
    private static void drain(InputStream in, byte[] buffer, long alreadyRead) {
        long total = alreadyRead;
        try {
            for (int n; total < DRAIN_CAP_BYTES && (n = in.read(buffer)) != -1; ) {
                total += n;
            }
        } catch (IOException e) {
            // Too large all the same: the answer says so.
        }
    }

    private static ApiProblemException tooLarge(long limit, String advice) {
        return new ApiProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The body is larger than " + limit
                + " bytes; nothing was accepted. " + advice);
    }
}
