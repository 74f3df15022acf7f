package io.vantaechonebula.agent.light;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.vantaechonebula.chain.json.TransactionJson;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.p2p.LocalChains;
import io.vantaechonebula.p2p.handshake.ChainHead;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a light node serves its users, in the server's JSON (docs/chain-api.md): {@code GET
 * /api/v1/chains/{chain}/head}, and {@code POST /api/v1/chains/{chain}/transactions}, a signed
 * transaction offered to the node's chain and passed on to its peers if taken (202 with its id, or a
 * problem+json saying why not). Enough for {@code ./vanta wallet send --node} to send through it.
 */
final class UserApi implements HttpHandler {

    static final String CONTEXT = "/api/v1/chains/";
    private static final Pattern PATH = Pattern.compile("/api/v1/chains/([a-z]+)/(head|transactions)");
    private static final int MAX_BODY_BYTES = 64 << 10;

    /** Chain ids by chain name. */
    private final Map<String, String> chainIds;
    /** A chain's head, by chain id. */
    private final Function<String, ChainHead> heads;
    /** Offers a transaction to a chain (by id), passing it on if it is new. */
    private final BiFunction<String, Transaction, LocalChains.TransactionOffer> offer;

    UserApi(Map<String, String> chainIds, Function<String, ChainHead> heads,
            BiFunction<String, Transaction, LocalChains.TransactionOffer> offer) {
        this.chainIds = Map.copyOf(chainIds);
        this.heads = heads;
        this.offer = offer;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getRawPath());
            if (!path.matches() || !chainIds.containsKey(path.group(1))) {
                problem(exchange, 404, "not-found", null, "A light node serves GET /api/v1/chains/{chain}/head and POST"
                        + " /api/v1/chains/{chain}/transactions, chain " + String.join(" or ", chainIds.keySet())
                        + "; nothing else under /api/v1/chains");
                return;
            }
            String chainId = chainIds.get(path.group(1));
            boolean head = path.group(2).equals("head");
            if (!exchange.getRequestMethod().equals(head ? "GET" : "POST")) {
                problem(exchange, 405, "method-not-allowed", null, head ? "GET the head" : "POST a signed transaction here");
                return;
            }
            if (head) {
                ChainHead chainHead = heads.apply(chainId);
                json(exchange, 200, Json.createObjectBuilder().add("chain", path.group(1)).add("chainId", chainId)
                        .add("height", chainHead.height()).add("hash", chainHead.head().toString()).build());
                return;
            }
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                problem(exchange, 413, "invalid-body", null, "A signed transaction is well under 1 KiB; send one JSON object");
                return;
            }
            Transaction transaction;
            try {
                transaction = TransactionJson.parse(object(new String(body, StandardCharsets.UTF_8)));
            } catch (InvalidTransactionException e) {
                problem(exchange, 400, "transaction-rejected", e.reason().code(), e.getMessage());
                return;
            } catch (IllegalArgumentException e) {
                problem(exchange, 400, "invalid-body", null, e.getMessage());
                return;
            }
            LocalChains.TransactionOffer taken = offer.apply(chainId, transaction);
            switch (taken.verdict()) {
                case NEW, KNOWN -> json(exchange, 202, Json.createObjectBuilder().add("id", transaction.id().toString())
                        .add("status", "pending").build());
                case NOT_NOW, INVALID -> {
                    Optional<String> code = reasonCode(taken.reason());
                    problem(exchange, 400, "transaction-rejected", code.orElse(null),
                            code.map(prefix -> taken.reason().substring(prefix.length() + 1).trim()).orElse(taken.reason()));
                }
            }
        }
    }

    private static JsonObject object(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("Send one signed transaction as a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException("The body is not JSON: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // Other JsonExceptions, and Parsson's plain RuntimeException for input nested too deep.
            throw new IllegalArgumentException("The body is not JSON: " + e.getMessage());
        }
    }

    /** The reason code a rejection starts with ("nonce_too_low: …"). */
    private static Optional<String> reasonCode(String reason) {
        int colon = reason.indexOf(':');
        return colon > 0 && reason.substring(0, colon).matches("[a-z_]+") ? Optional.of(reason.substring(0, colon))
                : Optional.empty();
    }

    private static void problem(HttpExchange exchange, int status, String type, String reason, String detail)
            throws IOException {
        var problem = Json.createObjectBuilder().add("type", "urn:vantaechonebula:problem:" + type).add("status", status)
                .add("title", switch (status) {
                    case 404 -> "Not found";
                    case 405 -> "Method not allowed";
                    case 413 -> "Body too large";
                    default -> "Transaction not taken";
                }).add("detail", detail);
        if (reason != null) {
            problem.add("reason", reason);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        send(exchange, status, problem.build());
    }

    private static void json(HttpExchange exchange, int status, JsonObject body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
