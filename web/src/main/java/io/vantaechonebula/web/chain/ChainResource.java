package io.vantaechonebula.web.chain;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.json.TransactionJson;
import io.vantaechonebula.chain.mempool.Mempool;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.RejectionReason;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.node.api.AccountState;
import io.vantaechonebula.node.api.ChainOperations;
import io.vantaechonebula.node.api.MempoolSummary;
import io.vantaechonebula.node.running.TransactionStatus;
import io.vantaechonebula.web.LimitedBody;
import io.vantaechonebula.web.QueryLimits;
import io.vantaechonebula.web.problem.ApiProblemException;
import io.vantaechonebula.web.problem.ProblemType;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** One chain of this node over REST: {@code /api/v1/chains/{chain}/…} where chain is testnet or mainnet. */
@Path("chains/{chain}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChainResource {

    /** Looked up once: Json.createX looks the provider up again on every call, through the server's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final int MAX_BLOCKS = 100;
    static final int MAX_BATCH = 1_000;
    private static final long MAX_TRANSACTION_BYTES = 64 * 1024;
    private static final long MAX_BATCH_BYTES = 1024 * 1024;
    private static final Pattern HEIGHT = Pattern.compile("\\d{1,18}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    @EJB
    private ChainOperations chains;

    @PathParam("chain")
    private String chainName;

    @POST
    @Path("transactions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(InputStream body) throws IOException, InvalidTransactionException {
        chains.params(chainName);
        String text = LimitedBody.read(body, MAX_TRANSACTION_BYTES, ProblemType.INVALID_BODY,
                "A signed transaction is well under 1 KiB; send one JSON object.");
        Transaction tx = TransactionJson.parse(object(text));
        Mempool.Added added = chains.submit(chainName, tx);
        return Response.accepted(pending(tx, added).build().toString()).type(MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("transactions/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject submitBatch(InputStream body) throws IOException {
        chains.params(chainName);
        String text = LimitedBody.read(body, MAX_BATCH_BYTES, ProblemType.INVALID_BODY,
                "Send at most " + MAX_BATCH + " transactions per batch.");
        JsonArray entries = array(text);
        JsonArrayBuilder results = JSON.createArrayBuilder();
        int accepted = 0;
        for (JsonValue entry : entries) {
            Transaction tx = null;
            try {
                if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new InvalidTransactionException(RejectionReason.MALFORMED, "each entry must be a JSON object");
                }
                tx = TransactionJson.parse(entry.asJsonObject());
                results.add(pending(tx, chains.submit(chainName, tx)));
                accepted++;
            } catch (InvalidTransactionException e) {
                JsonObjectBuilder refused = JSON.createObjectBuilder();
                if (tx != null) {
                    refused.add("id", tx.id().toString());
                }
                results.add(refused.add("status", "refused").add("reason", e.reason().code()).add("detail", e.getMessage()));
            }
        }
        return JSON.createObjectBuilder()
                .add("accepted", accepted)
                .add("refused", entries.size() - accepted)
                .add("results", results)
                .build();
    }

    private static JsonObjectBuilder pending(Transaction tx, Mempool.Added added) {
        return JSON.createObjectBuilder()
                .add("id", tx.id().toString())
                .add("status", "pending")
                .add("replaced", added == Mempool.Added.REPLACED);
    }

    @GET
    @Path("head")
    public JsonObject head() {
        ChainParams params = chains.params(chainName);
        StoredBlock head = chains.head(chainName);
        return BlockJson.summary(head, head.height())
                .add("chain", params.name())
                .add("chainId", params.chainId())
                .add("targetBlockTimeMs", params.targetBlockTimeMs())
                .add("hashRate", chains.hashRate(chainName))
                .add("transactionIndexHeight", chains.transactionIndexHeight(chainName))
                .build();
    }

    @GET
    @Path("blocks")
    public JsonValue blocks(@QueryParam("from") String from, @QueryParam("limit") @DefaultValue("20") String limit) {
        long headHeight = chains.head(chainName).height();
        int max = QueryLimits.parse("limit", limit, MAX_BLOCKS);
        long start = from == null ? Math.max(0, headHeight - max + 1) : height("from", from);
        JsonArrayBuilder array = JSON.createArrayBuilder();
        chains.mainChain(chainName, start, max).forEach(block -> array.add(BlockJson.summary(block, headHeight)));
        return array.build();
    }

    @GET
    @Path("blocks/{id}")
    public JsonObject block(@PathParam("id") String id) {
        chains.params(chainName);
        Optional<StoredBlock> block;
        if (HEIGHT.matcher(id).matches()) {
            block = chains.blockAt(chainName, Long.parseLong(id));
        } else if (HASH.matcher(id.toLowerCase(Locale.ROOT)).matches()) {
            block = chains.block(chainName, Hash.fromHex(id.toLowerCase(Locale.ROOT)));
        } else {
            throw new ApiProblemException(ProblemType.INVALID_PARAMETER,
                    "A block is named by its height (a whole number) or its hash (64 hex characters), got '" + id + "'");
        }
        StoredBlock found = block.orElseThrow(() -> new ApiProblemException(ProblemType.BLOCK_NOT_FOUND,
                "No block " + id + " on " + chainName + "; GET /api/v1/chains/" + chainName + "/head shows the newest"));
        boolean onMainChain = chains.blockAt(chainName, found.height()).map(main -> main.hash().equals(found.hash()))
                .orElse(false);
        return BlockJson.full(found, chains.head(chainName).height(), onMainChain);
    }

    @GET
    @Path("transactions/{id}")
    public JsonObject transaction(@PathParam("id") String id) {
        chains.params(chainName);
        if (!HASH.matcher(id).matches()) {
            throw new ApiProblemException(ProblemType.INVALID_PARAMETER, "A transaction id is 64 lower-case hex characters, got '" + id + "'");
        }
        Hash txId = Hash.fromHex(id);
        TransactionStatus status = chains.transactionStatus(chainName, txId).orElseThrow(() -> new ApiProblemException(
                ProblemType.TRANSACTION_NOT_FOUND, "Transaction " + id + " is not known to " + chainName
                + ": it was never submitted here, or it was refused long ago"));
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", id)
                .add("status", status.state().name().toLowerCase(Locale.ROOT));
        status.blockHash().ifPresent(hash -> json.add("blockHash", hash.toString()));
        status.height().ifPresent(height -> json.add("blockHeight", height));
        status.confirmations().ifPresent(confirmations -> json.add("confirmations", confirmations));
        status.reason().ifPresent(reason -> json.add("reason", reason));
        chains.transaction(chainName, txId).ifPresent(tx -> json.add("transaction", TransactionJson.of(tx)));
        return json.build();
    }

    @GET
    @Path("accounts/{address}")
    public JsonObject account(@PathParam("address") String address) {
        chains.params(chainName);
        Address parsed;
        try {
            parsed = new Address(address);
        } catch (IllegalArgumentException e) {
            throw new ApiProblemException(ProblemType.INVALID_PARAMETER, "An address is 40 lower-case hex characters, got '"
                    + address + "'");
        }
        AccountState state = chains.account(chainName, parsed);
        Account account = state.account();
        return JSON.createObjectBuilder()
                .add("address", parsed.hex())
                .add("balance", account.balance())
                .add("nonce", account.nonce())
                .add("stake", account.stake())
                .add("exitHeight", account.exitHeight())
                .add("stakeSince", account.stakeSince())
                .add("activeValidator", account.isActiveValidator())
                .add("nextNonce", state.nextNonce())
                .add("height", chains.head(chainName).height())
                .build();
    }

    @GET
    @Path("mempool")
    public JsonObject mempool() {
        MempoolSummary mempool = chains.mempool(chainName);
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("size", mempool.size())
                .add("capacity", mempool.capacity());
        mempool.fees().ifPresentOrElse(
                range -> json.add("lowestFee", range.lowest()).add("highestFee", range.highest()),
                () -> json.addNull("lowestFee").addNull("highestFee"));
        return json.build();
    }

    private static long height(String name, String value) {
        if (!HEIGHT.matcher(value).matches()) {
            throw new ApiProblemException(ProblemType.INVALID_PARAMETER, "Query parameter '" + name
                    + "' must be a block height (a whole number), got '" + value + "'");
        }
        return Long.parseLong(value);
    }

    private static JsonObject object(String body) throws InvalidTransactionException {
        JsonValue value;
        try {
            value = json(body);
        } catch (JsonException e) {
            throw new InvalidTransactionException(RejectionReason.MALFORMED, "the body is not JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidTransactionException(RejectionReason.MALFORMED, "the body must be a JSON object");
        }
        return value.asJsonObject();
    }

    private static JsonArray array(String body) {
        JsonValue value;
        try {
            value = json(body);
        } catch (JsonException e) {
            throw new ApiProblemException(ProblemType.INVALID_BODY, "The body is not JSON: " + e.getMessage()
                    + "; send a JSON array of signed transactions. Nothing was queued.");
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().isEmpty()) {
            throw new ApiProblemException(ProblemType.INVALID_BODY,
                    "The body must be a non-empty JSON array of signed transactions. Nothing was queued.");
        }
        if (value.asJsonArray().size() > MAX_BATCH) {
            throw new ApiProblemException(ProblemType.INVALID_BODY, "The batch holds " + value.asJsonArray().size()
                    + " transactions; at most " + MAX_BATCH + " are taken per request. Nothing was queued.");
        }
        return value.asJsonArray();
    }

    private static JsonValue json(String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // Parsson refuses input nested deeper than its limit with a plain RuntimeException: bad JSON all the same.
            throw new JsonException(e.getMessage(), e);
        }
    }
}
