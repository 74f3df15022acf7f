package io.vantaechonebula.p2p.http;

import io.vantaechonebula.chain.crypto.Hex;
import io.vantaechonebula.p2p.GossipOutcome;
import io.vantaechonebula.p2p.Network;
import io.vantaechonebula.p2p.RefusedException;
import io.vantaechonebula.p2p.Traffic;
import io.vantaechonebula.p2p.handshake.Refusal;
import io.vantaechonebula.p2p.handshake.SignedRequest;
import io.vantaechonebula.p2p.peer.Peer;
import io.vantaechonebula.p2p.sync.Locator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The answers a node gives under {@value #BASE} (docs/p2p-spec.md §2–3), whatever serves HTTP: the
 * transport passes method, path, headers and body, and sends back the {@link Answer}.
 */
public final class P2pHttpApi {

    public static final String BASE = "/api/v1/p2p";
    /** The largest body taken: a gossiped block at its largest, in base64, with room for the JSON around it. */
    public static final int MAX_BODY_BYTES = 24 << 20;
    /** P6: a hello's body at most; it comes before the sender is known. */
    public static final int MAX_HELLO_BYTES = 8 << 10;
    /** P6: a blocks request's body at most (a locator of 64 hashes is about 5 KiB). */
    public static final int MAX_BLOCKS_REQUEST_BYTES = 64 << 10;
    static final String JSON = "application/json";
    private static final String SIGNATURE_HEADERS = "the request needs the headers " + SignedRequest.NODE_HEADER + ", "
            + SignedRequest.TO_HEADER + ", " + SignedRequest.TIME_HEADER + ", " + SignedRequest.NONCE_HEADER + " and "
            + SignedRequest.SIGNATURE_HEADER + " (docs/p2p-spec.md §3)";
    static final String PROBLEM = "application/problem+json";

    private final Network network;
    private final Traffic traffic;

    public P2pHttpApi(Network network) {
        this(network, new Traffic());
    }

    /** @param traffic where the bytes of each request and its answer are counted */
    public P2pHttpApi(Network network, Traffic traffic) {
        this.network = network;
        this.traffic = traffic;
    }

    /** What to answer: status, content type and body. */
    public record Answer(int status, String contentType, byte[] body) {

        static Answer json(int status, JsonObject json) {
            return new Answer(status, JSON, WireJson.bytes(json));
        }

        static Answer problem(String code, String title, int status, String detail) {
            return new Answer(status, PROBLEM, WireJson.bytes(WireJson.problem(code, title, status, detail)));
        }
    }

    /**
     * What a transport may read of a request's body, decided from its method, path and headers alone (P6):
     * the route's limit, or the answer to give without reading it (an unknown route, a declared length over
     * the limit, a signed route whose sender is no connected peer).
     */
    public record Admission(int maxBodyBytes, Optional<Answer> refusal) {
    }

    public Admission admit(String method, String path, Function<String, Optional<String>> headers) {
        String route = method.toUpperCase(Locale.ROOT) + " " + path;
        int limit = limitOf(route);
        if (limit < 0) {
            return new Admission(0, Optional.of(notFound(route)));
        }
        Optional<Long> declared = headers.apply("Content-Length").flatMap(P2pHttpApi::length);
        if (declared.isPresent() && declared.get() > limit) {
            return new Admission(0, Optional.of(tooLarge(declared.get(), limit, route)));
        }
        if (!route.equals("POST " + BASE + "/hello")) {
            Optional<String> node = headers.apply(SignedRequest.NODE_HEADER);
            if (node.isEmpty()) {
                return new Admission(0, Optional.of(refused(unsigned(SIGNATURE_HEADERS))));
            }
            try {
                network.checkSender(node.get().trim());
            } catch (RefusedException e) {
                return new Admission(0, Optional.of(refused(e)));
            }
        }
        return new Admission(limit, Optional.empty());
    }

    /** The most a route's body may take; -1 for a route that is not part of the protocol. */
    private static int limitOf(String route) {
        return switch (route) {
            case "POST " + BASE + "/hello" -> MAX_HELLO_BYTES;
            case "POST " + BASE + "/gossip" -> MAX_BODY_BYTES;
            case "POST " + BASE + "/blocks" -> MAX_BLOCKS_REQUEST_BYTES;
            case "GET " + BASE + "/peers" -> 0;
            default -> -1;
        };
    }

    private static Optional<Long> length(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Answer tooLarge(long bytes, int limit, String route) {
        return Answer.problem("p2p-too-large", "Message too large", 413, route + ": the body has " + bytes
                + " bytes, more than the " + limit + " this request may have (docs/p2p-spec.md P6)");
    }

    private static Answer notFound(String route) {
        return Answer.problem("not-found", "No such peer-to-peer request", 404, route
                + " is not part of the protocol; see docs/p2p-spec.md §3");
    }

    private static Answer refused(RefusedException e) {
        Refusal refusal = e.refusal();
        int status = statusOf(refusal.reason());
        return new Answer(status, PROBLEM, WireJson.bytes(WireJson.refusal(refusal, status)));
    }

    /**
     * @param path        the request's path, from {@value #BASE} on
     * @param query       the raw query, without the {@code ?}, or empty
     * @param headers     the request's headers by name, whatever their case
     */
    public Answer handle(String method, String path, String query, Function<String, Optional<String>> headers, byte[] body) {
        return handle(method, path, query, headers, body, "");
    }

    /** @param remoteHost the host the request came from, as the connection shows it (P8); empty when not known */
    public Answer handle(String method, String path, String query, Function<String, Optional<String>> headers, byte[] body,
                         String remoteHost) {
        traffic.received(body.length);
        Answer answer = answer(method, path, query, headers, body, remoteHost);
        traffic.sent(answer.body().length);
        return answer;
    }

    private Answer answer(String method, String path, String query, Function<String, Optional<String>> headers, byte[] body,
                          String remoteHost) {
        String route = method.toUpperCase(Locale.ROOT) + " " + path;
        int limit = limitOf(route);
        if (limit >= 0 && body.length > limit) {
            return tooLarge(body.length, limit, route);
        }
        try {
            return switch (route) {
                case "POST " + BASE + "/hello" -> hello(body, remoteHost);
                case "POST " + BASE + "/gossip" -> gossip(authenticate(method, path, query, headers, body), body);
                case "POST " + BASE + "/blocks" -> blocks(authenticate(method, path, query, headers, body), body);
                case "GET " + BASE + "/peers" -> {
                    authenticate(method, path, query, headers, body);
                    yield Answer.json(200, WireJson.peers(network.peerAddresses()));
                }
                default -> notFound(route);
            };
        } catch (RefusedException e) {
            return refused(e);
        }
    }

    private Answer hello(byte[] body, String remoteHost) throws RefusedException {
        try {
            return Answer.json(200, WireJson.hello(network.onHello(WireJson.hello(WireJson.read(body)), remoteHost)));
        } catch (MalformedMessageException e) {
            return malformed(e);
        }
    }

    private Answer gossip(Peer from, byte[] body) {
        GossipOutcome outcome;
        try {
            outcome = network.onGossip(from, WireJson.gossip(WireJson.read(body)));
        } catch (MalformedMessageException e) {
            network.onMalformed(from, "gossip: " + e.getMessage());
            return malformed(e);
        }
        int status = outcome.result() == GossipOutcome.Result.REJECTED ? 422 : 200;
        return Answer.json(status, Json.createObjectBuilder()
                .add("result", outcome.result().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .add("detail", outcome.detail()).build());
    }

    private Answer blocks(Peer from, byte[] body) {
        WireJson.BlocksRequest request;
        try {
            request = WireJson.blocksRequest(WireJson.read(body), Locator.MAX_HASHES);
        } catch (MalformedMessageException e) {
            network.onMalformed(from, "blocks request: " + e.getMessage());
            return malformed(e);
        }
        return Answer.json(200, WireJson.blocks(network.blocksAfter(request.chainId(), request.locator(), request.max())));
    }

    private Peer authenticate(String method, String path, String query, Function<String, Optional<String>> headers,
                              byte[] body) throws RefusedException {
        String pathAndQuery = query.isEmpty() ? path : path + "?" + query;
        return network.authenticate(signedRequest(headers), method.toUpperCase(Locale.ROOT), pathAndQuery, body);
    }

    /** The signature headers of a request (docs/p2p-spec.md §3), read. */
    private static SignedRequest signedRequest(Function<String, Optional<String>> headers) throws RefusedException {
        Optional<String> node = headers.apply(SignedRequest.NODE_HEADER);
        Optional<String> to = headers.apply(SignedRequest.TO_HEADER);
        Optional<String> time = headers.apply(SignedRequest.TIME_HEADER);
        Optional<String> nonce = headers.apply(SignedRequest.NONCE_HEADER);
        Optional<String> signature = headers.apply(SignedRequest.SIGNATURE_HEADER);
        if (node.isEmpty() || to.isEmpty() || time.isEmpty() || nonce.isEmpty() || signature.isEmpty()) {
            throw unsigned(SIGNATURE_HEADERS);
        }
        try {
            return new SignedRequest(node.get().trim(), to.get().trim(), Long.parseLong(time.get().trim()),
                    Hex.decode(nonce.get().trim()), Hex.decode(signature.get().trim()));
        } catch (IllegalArgumentException e) {
            throw unsigned(SignedRequest.TIME_HEADER + " must be milliseconds, " + SignedRequest.NONCE_HEADER + " "
                    + SignedRequest.NONCE_BYTES + " bytes in hexadecimal and " + SignedRequest.SIGNATURE_HEADER
                    + " hexadecimal");
        }
    }

    private static RefusedException unsigned(String detail) {
        return new RefusedException(new Refusal(Refusal.Reason.BAD_REQUEST_SIGNATURE, detail));
    }

    private static Answer malformed(MalformedMessageException e) {
        return Answer.problem("p2p-malformed", "Malformed peer-to-peer message", 400, e.getMessage()
                + "; see docs/p2p-spec.md for the message's fields");
    }

    static int statusOf(Refusal.Reason reason) {
        return switch (reason) {
            case UNKNOWN_PEER, BAD_REQUEST_SIGNATURE, REPLAYED -> 401;
            case RATE_LIMITED -> 429;
            case BAD_ADDRESS -> 400;
            case PEER_LIMIT -> 503;
            default -> 403;
        };
    }
}
