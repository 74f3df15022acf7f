package io.vantaechonebula.p2p.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An answer's body as a stream that its reader consumes as it arrives, one piece at a time from the
 * connection (so no more than a piece waits in memory), failing once past its limit of bytes or past its
 * deadline: a peer that sends too much, or a byte at a time, holds the caller no more and no longer than
 * one that answers at once (P6, P12).
 */
final class StreamedAnswer extends InputStream implements HttpResponse.BodySubscriber<InputStream> {

    private static final List<ByteBuffer> END = List.of();

    private final long maxBytes;
    private final long deadlineNanos;
    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> pieces = END.iterator();
    private ByteBuffer piece = ByteBuffer.allocate(0);
    private long bytesRead;
    private boolean ended;
    private String failure;

    /** @param deadlineNanos by when (System.nanoTime) the whole answer must have been read */
    StreamedAnswer(long maxBytes, long deadlineNanos) {
        this.maxBytes = maxBytes;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        arrived.add(buffers);
    }

    @Override
    public void onError(Throwable error) {
        arrived.add(error);
    }

    @Override
    public void onComplete() {
        arrived.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!nextPiece()) {
            return -1;
        }
        int count = Math.min(length, piece.remaining());
        if (bytesRead + count > maxBytes) {
            throw fail("the answer is longer than the " + maxBytes + " bytes such an answer takes");
        }
        piece.get(into, offset, count);
        bytesRead += count;
        return count;
    }

    /** Whether there is a piece with bytes to read, waiting for one until the deadline. */
    private boolean nextPiece() throws IOException {
        while (!piece.hasRemaining()) {
            if (failure != null) {
                throw new IOException(failure);
            }
            if (pieces.hasNext()) {
                piece = pieces.next();
                continue;
            }
            if (ended) {
                return false;
            }
            Object next = take();
            if (next == END) {
                ended = true;
            } else if (next instanceof Throwable error) {
                throw fail(error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
            } else {
                @SuppressWarnings("unchecked")
                List<ByteBuffer> buffers = (List<ByteBuffer>) next;
                pieces = buffers.iterator();
                subscription.request(1);
            }
        }
        return true;
    }

    private Object take() throws IOException {
        long waitNanos = deadlineNanos - System.nanoTime();
        Object next;
        try {
            next = waitNanos > 0 ? arrived.poll(waitNanos, TimeUnit.NANOSECONDS) : arrived.poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail("interrupted");
        }
        if (next == null) {
            throw fail("no whole answer within the call's time");
        }
        return next;
    }

    private IOException fail(String why) {
        failure = why;
        close();
        return new IOException(why);
    }

    /** Why reading stopped short, when it did: too long, too slow, or the connection's error. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    long bytesRead() {
        return bytesRead;
    }

    /** Stops the answer's delivery; what has not been read is dropped. */
    @Override
    public void close() {
        Flow.Subscription current = subscription;
        if (current != null && !ended) {
            current.cancel();
        }
        ended = true;
        arrived.clear();
        pieces = END.iterator();
        piece = ByteBuffer.allocate(0);
    }
}
