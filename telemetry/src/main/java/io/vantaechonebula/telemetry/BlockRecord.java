package io.vantaechonebula.telemetry;

import io.vantaechonebula.chain.block.BlockHeader;
import io.vantaechonebula.chain.pow.ProofOfWork;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.tx.TransactionType;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * One block a node took onto its main chain, as its samples report it in {@code blocks} (docs/ingest.md):
 * what the pool's Block Data Processor and Archivist learn the chain's history from.
 *
 * @param volume     the amounts the block's transfers move
 * @param difficulty the work its target asks for, in expected hashes
 * @param intervalMs time since its parent, by the two blocks' timestamps; null for the first block
 */
public record BlockRecord(long height, String hash, String miner, long timestampMs, int transactions, long volume,
                          long fees, double difficulty, Long intervalMs) {

    /** The most blocks one sample reports; a node further behind reports its newest. */
    public static final int MAX_PER_SAMPLE = 100;

    public static BlockRecord of(StoredBlock stored, Long parentTimestampMs) {
        BlockHeader header = stored.block().header();
        List<Transaction> transactions = stored.block().transactions();
        return new BlockRecord(header.height(), stored.hash().toString(), header.miner().hex(), header.timestampMs(),
                transactions.size(), volume(transactions), fees(transactions),
                ProofOfWork.work(header.target()).doubleValue(),
                parentTimestampMs == null ? null : header.timestampMs() - parentTimestampMs);
    }

    /**
     * The main chain's blocks above {@code afterHeight} up to {@code height}, oldest first, at most
     * {@value #MAX_PER_SAMPLE} (the newest).
     */
    public static List<BlockRecord> between(long afterHeight, long height, LongFunction<Optional<StoredBlock>> blockAt) {
        long from = Math.max(afterHeight + 1, height - MAX_PER_SAMPLE + 1);
        List<BlockRecord> records = new ArrayList<>();
        Long parentTime = from > 0 ? blockAt.apply(from - 1).map(b -> b.block().header().timestampMs()).orElse(null) : null;
        for (long h = from; h <= height; h++) {
            Optional<StoredBlock> block = blockAt.apply(h);
            if (block.isEmpty()) {
                break;
            }
            records.add(of(block.get(), parentTime));
            parentTime = block.get().block().header().timestampMs();
        }
        return records;
    }

    public static long volume(List<Transaction> transactions) {
        return transactions.stream().filter(tx -> tx.type() == TransactionType.TRANSFER).mapToLong(Transaction::amount).sum();
    }

    public static long fees(List<Transaction> transactions) {
        return transactions.stream().mapToLong(Transaction::fee).sum();
    }

    public static JsonArray json(List<BlockRecord> blocks) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        blocks.forEach(block -> array.add(block.json()));
        return array.build();
    }

    /** The block as samples report it in {@code blocks}. */
    public JsonObjectBuilder json() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("height", height).add("hash", hash).add("miner", miner)
                .add("timestamp_ms", timestampMs).add("transactions", transactions).add("volume", volume).add("fees", fees)
                .add("difficulty", difficulty);
        if (intervalMs != null) {
            json.add("interval_ms", intervalMs);
        }
        return json;
    }

    /**
     * A block as {@link #json()} writes it; empty when the value is not shaped so (the parser refuses such
     * blocks, but a sample stored before it checked them may hold one).
     */
    public static Optional<BlockRecord> fromJson(JsonValue value) {
        if (!(value instanceof JsonObject block)) {
            return Optional.empty();
        }
        for (String whole : List.of("height", "timestamp_ms", "transactions", "volume", "fees")) {
            if (!(block.get(whole) instanceof JsonNumber number) || !number.isIntegral()) {
                return Optional.empty();
            }
        }
        if (!(block.get("difficulty") instanceof JsonNumber difficulty) || !(block.get("hash") instanceof JsonString hash)
                || !(block.get("miner") instanceof JsonString miner)) {
            return Optional.empty();
        }
        try {
            Long interval = block.get("interval_ms") instanceof JsonNumber number && number.isIntegral()
                    ? number.longValueExact() : null;
            return Optional.of(new BlockRecord(block.getJsonNumber("height").longValueExact(), hash.getString(),
                    miner.getString(), block.getJsonNumber("timestamp_ms").longValueExact(),
                    block.getJsonNumber("transactions").intValueExact(), block.getJsonNumber("volume").longValueExact(),
                    block.getJsonNumber("fees").longValueExact(), difficulty.doubleValue(), interval));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
