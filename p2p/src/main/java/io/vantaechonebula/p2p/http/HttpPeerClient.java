package io.vantaechonebula.p2p.http;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.p2p.PeerCallException;
import io.vantaechonebula.p2p.PeerClient;
import io.vantaechonebula.p2p.Traffic;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.handshake.Hello;
import io.vantaechonebula.p2p.handshake.Refusal;
import io.vantaechonebula.p2p.handshake.SignedRequest;
import io.vantaechonebula.p2p.peer.Peer;
import io.vantaechonebula.p2p.sync.SyncBatch;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/** This node's calls to other nodes over HTTP/JSON, each signed with the node key after the hello (docs/p2p-spec.md §3). */
public final class HttpPeerClient implements PeerClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** How long a hello, gossip or peers call may take, whole answer included; a sync call takes six times as long. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** P6: the most an answer of each kind may take; a longer one is cut off and the call fails. */
    static final int MAX_SMALL_ANSWER_BYTES = 64 << 10;
    static final int MAX_PEERS_ANSWER_BYTES = 1 << 20;
    static final int MAX_BLOCKS_ANSWER_BYTES = 32 << 20;

    private final Ed25519PrivateKey key;
    private final LongSupplier clock;
    private final Duration callTimeout;
    private final Duration syncTimeout;
    private final Traffic traffic;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

    public HttpPeerClient(Ed25519PrivateKey key, LongSupplier clock) {
        this(key, clock, CALL_TIMEOUT);
    }

    public HttpPeerClient(Ed25519PrivateKey key, LongSupplier clock, Duration callTimeout) {
        this(key, clock, callTimeout, new Traffic());
    }

    /** @param traffic where the bytes of each call and its answer are counted */
    public HttpPeerClient(Ed25519PrivateKey key, LongSupplier clock, Duration callTimeout, Traffic traffic) {
        this.key = key;
        this.clock = clock;
        this.callTimeout = callTimeout;
        this.syncTimeout = callTimeout.multipliedBy(6);
        this.traffic = traffic;
    }

    @Override
    public boolean isVantaNode(String address) {
        try {
            HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri(address, "/api/v1/system/status"))
                    .timeout(CONNECT_TIMEOUT).GET().build(), MAX_SMALL_ANSWER_BYTES);
            return response.statusCode() == 200
                    && "VantaEchoNebula".equals(WireJson.read(response.body()).getString("system", ""));
        } catch (MalformedMessageException | PeerCallException | ClassCastException e) {
            return false;
        }
    }

    @Override
    public Hello hello(String address, Hello ours) throws PeerCallException {
        HttpRequest request = HttpRequest.newBuilder(uri(address, P2pHttpApi.BASE + "/hello")).timeout(callTimeout)
                .header("Content-Type", P2pHttpApi.JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(WireJson.bytes(WireJson.hello(ours)))).build();
        try {
            return WireJson.hello(answer(send(request, MAX_SMALL_ANSWER_BYTES), address));
        } catch (MalformedMessageException e) {
            throw new PeerCallException(address + " answered a hello that does not parse: " + e.getMessage());
        }
    }

    @Override
    public void gossip(Peer to, Gossip gossip) throws PeerCallException {
        HttpResponse<byte[]> response = send(signed(to, "POST", P2pHttpApi.BASE + "/gossip",
                WireJson.bytes(WireJson.gossip(gossip)), callTimeout), MAX_SMALL_ANSWER_BYTES);
        if (response.statusCode() != 422) {
            answer(response, to.address());
        }
    }

    /** The answer is decoded as it arrives, a block at a time (WireJson.blocks), within the same limits of size and time. */
    @Override
    public SyncBatch blocksAfter(Peer from, String chainId, List<Hash> locator, int max) throws PeerCallException {
        HttpRequest request = signed(from, "POST", P2pHttpApi.BASE + "/blocks",
                WireJson.bytes(WireJson.blocksRequest(chainId, locator, max)), syncTimeout);
        StreamedAnswer body = new StreamedAnswer(MAX_BLOCKS_ANSWER_BYTES, System.nanoTime() + syncTimeout.toNanos());
        HttpResponse<InputStream> response = headers(request, body);
        try {
            if (response.statusCode() != 200) {
                answer(response.statusCode(), body.readNBytes(MAX_SMALL_ANSWER_BYTES), from.address());
            }
            return WireJson.blocks(body, max);
        } catch (MalformedMessageException | IOException e) {
            throw new PeerCallException(body.failure().map(failure -> request.uri() + ": " + failure)
                    .orElse(from.address() + " answered blocks that do not parse: " + e.getMessage()));
        } finally {
            body.close();
            traffic.received(body.bytesRead());
        }
    }

    @Override
    public List<String> peerAddresses(Peer of) throws PeerCallException {
        HttpResponse<byte[]> response = send(signed(of, "GET", P2pHttpApi.BASE + "/peers", new byte[0], callTimeout),
                MAX_PEERS_ANSWER_BYTES);
        try {
            return WireJson.peers(answer(response, of.address()));
        } catch (MalformedMessageException e) {
            throw new PeerCallException(of.address() + " answered peers that do not parse: " + e.getMessage());
        }
    }

    private HttpRequest signed(Peer to, String method, String path, byte[] body, Duration timeout) throws PeerCallException {
        SignedRequest signed = SignedRequest.sign(key, to.nodeId(), method, path, clock.getAsLong(), body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(to.address(), path)).timeout(timeout);
        signed.headers().forEach(builder::header);
        if (method.equals("GET")) {
            return builder.GET().build();
        }
        return builder.header("Content-Type", P2pHttpApi.JSON).method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /**
     * Sends the request and reads at most {@code maxBytes} of the answer; a longer answer fails the call, and so
     * does one whose body is not all there within the request's timeout (P12: a peer that sends its answer a byte
     * at a time holds the caller no longer than one that does not answer).
     */
    private HttpResponse<byte[]> send(HttpRequest request, int maxBytes) throws PeerCallException {
        HttpResponse<byte[]> response = await(http.sendAsync(request, answer -> new LimitedBody(maxBytes)), request, "no whole answer");
        traffic.received(response.body().length);
        return response;
    }

    /** The status and headers of an answer whose body {@code body} reads as it arrives. */
    private HttpResponse<InputStream> headers(HttpRequest request, StreamedAnswer body) throws PeerCallException {
        return await(http.sendAsync(request, answer -> body), request, "no answer");
    }

    /** The call's answer, or the call cancelled once past the request's timeout. */
    private <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> call, HttpRequest request, String late)
            throws PeerCallException {
        traffic.sent(request.bodyPublisher().map(HttpRequest.BodyPublisher::contentLength).filter(length -> length > 0).orElse(0L));
        long timeoutMs = request.timeout().orElse(callTimeout).toMillis();
        try {
            return call.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new PeerCallException(request.uri() + ": " + late + " within " + timeoutMs + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new PeerCallException(request.uri() + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage()), cause);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new PeerCallException(request.uri() + ": interrupted", e);
        }
    }

    /** The JSON of a 200 answer; a refusal or any other status as the exception it is. */
    private static JsonObject answer(HttpResponse<byte[]> response, String address) throws PeerCallException {
        return answer(response.statusCode(), response.body(), address);
    }

    private static JsonObject answer(int status, byte[] body, String address) throws PeerCallException {
        JsonObject json;
        try {
            json = WireJson.read(body);
        } catch (MalformedMessageException e) {
            throw new PeerCallException(address + " answered " + status + " with a body that is not JSON");
        }
        if (status == 200) {
            return json;
        }
        Optional<Refusal.Reason> reason = Refusal.Reason.ofCode(json.getString("reason", ""));
        if (reason.isPresent()) {
            throw new PeerCallException(new Refusal(reason.get(), json.getString("detail", "")));
        }
        throw new PeerCallException(address + " answered " + status + ": " + json.getString("detail", ""));
    }

    private static URI uri(String address, String path) throws PeerCallException {
        String base = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
        try {
            URI uri = URI.create(base + path);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new PeerCallException("'" + address + "' is not an http(s) address");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new PeerCallException("'" + address + "' is not an address: " + e.getMessage());
        }
    }

    /** An answer's body, gathered as it arrives and cut off (failing the call) once past its limit. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int maxBytes;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream gathered = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (gathered.size() + (long) buffer.remaining() > maxBytes) {
                    subscription.cancel();
                    body.completeExceptionally(new IOException("the answer is longer than the " + maxBytes
                            + " bytes such an answer takes"));
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                gathered.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(gathered.toByteArray());
        }
    }
}
