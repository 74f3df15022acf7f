package io.vantaechonebula.web.chain;

import io.vantaechonebula.chain.block.BlockHeader;
import io.vantaechonebula.chain.json.TransactionJson;
import io.vantaechonebula.chain.pow.ProofOfWork;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.telemetry.BlockRecord;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;

/** Blocks as JSON: a summary for lists, and the full block with its transactions. */
final class BlockJson {

    /** Looked up once: Json.createX looks the provider up again on every call, through the server's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private BlockJson() {
    }

    static JsonObjectBuilder summary(StoredBlock stored, long headHeight) {
        BlockHeader header = stored.block().header();
        return JSON.createObjectBuilder()
                .add("hash", stored.hash().toString())
                .add("chainId", header.chainId())
                .add("height", header.height())
                .add("parentHash", header.parentHash().toString())
                .add("timestamp", Instant.ofEpochMilli(header.timestampMs()).toString())
                .add("timestampMs", header.timestampMs())
                .add("miner", header.miner().hex())
                .add("transactionCount", stored.block().transactions().size())
                .add("volume", BlockRecord.volume(stored.block().transactions()))
                .add("fees", BlockRecord.fees(stored.block().transactions()))
                .add("target", header.target().toString(16))
                .add("difficulty", ProofOfWork.work(header.target()).toString())
                .add("cumulativeWork", stored.cumulativeWork().toString())
                .add("nonce", header.nonce())
                .add("merkleRoot", header.merkleRoot().toString())
                .add("stateRoot", header.stateRoot().toString())
                .add("status", stored.status().name().toLowerCase(java.util.Locale.ROOT))
                .add("confirmations", Math.max(0, headHeight - header.height() + 1));
    }

    static JsonObject full(StoredBlock stored, long headHeight, boolean onMainChain) {
        JsonArrayBuilder transactions = JSON.createArrayBuilder();
        stored.block().transactions().forEach(tx -> transactions.add(TransactionJson.of(tx)));
        JsonObjectBuilder json = summary(stored, onMainChain ? headHeight : -1).add("mainChain", onMainChain);
        return json.add("transactions", transactions).build();
    }
}
