package io.vantaechonebula.agent.node;

import io.vantaechonebula.telemetry.BlockRecord;
import io.vantaechonebula.telemetry.collector.ChainReading;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the chains of a node over its REST API: each chain's head (height, hash rate), and the
 * blocks added since the previous reading, to count them and their transactions.
 */
final class LocalNodeChains {

    private static final JsonProvider JSON = JsonProvider.provider();
    /** The most blocks the API gives per request; more in one interval are counted by height only. */
    private static final int MAX_BLOCKS = 100;

    private final HttpClient client;
    private final URI base;
    private final List<String> chains;
    private final Map<String, Long> lastHeight = new HashMap<>();

    LocalNodeChains(HttpClient client, URI base, List<String> chains) {
        this.client = client;
        this.base = base;
        this.chains = List.copyOf(chains);
    }

    /** The chains the node at {@code base} runs, as its status says. */
    static List<String> chainsOf(HttpClient client, URI base) {
        JsonObject status = get(client, base.resolve("/api/v1/system/status")).asJsonObject();
        return status.getJsonArray("chains").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    List<ChainReading> read() {
        List<ChainReading> readings = new ArrayList<>();
        for (String chain : chains) {
            JsonObject head = get(client, base.resolve("/api/v1/chains/" + chain + "/head")).asJsonObject();
            long height = head.getJsonNumber("height").longValue();
            double hashRate = head.getJsonNumber("hashRate").doubleValue();
            long before = lastHeight.getOrDefault(chain, height);
            lastHeight.put(chain, height);
            long blocks = Math.max(0, height - before);
            long transactions = 0;
            List<BlockRecord> added = new ArrayList<>();
            if (blocks > 0) {
                // From the parent of the first new block, for its interval.
                long from = Math.max(0, before);
                URI uri = base.resolve("/api/v1/chains/" + chain + "/blocks?from=" + from + "&limit="
                        + Math.min(height - from + 1, MAX_BLOCKS));
                Long parentTime = null;
                for (JsonValue value : get(client, uri).asJsonArray()) {
                    JsonObject block = value.asJsonObject();
                    long blockTime = block.getJsonNumber("timestampMs").longValue();
                    if (block.getJsonNumber("height").longValue() > before) {
                        transactions += block.getJsonNumber("transactionCount").longValue();
                        added.add(record(block, parentTime));
                    }
                    parentTime = blockTime;
                }
            }
            readings.add(new ChainReading(chain, height, blocks, transactions, hashRate).withBlocks(added));
        }
        return readings;
    }

    /** A block as {@code GET /api/v1/chains/{chain}/blocks} summarises it. */
    private static BlockRecord record(JsonObject block, Long parentTime) {
        long time = block.getJsonNumber("timestampMs").longValue();
        return new BlockRecord(block.getJsonNumber("height").longValue(), block.getString("hash"), block.getString("miner"), time,
                block.getInt("transactionCount"), block.getJsonNumber("volume").longValue(), block.getJsonNumber("fees").longValue(),
                new java.math.BigDecimal(block.getString("difficulty")).doubleValue(), parentTime == null ? null : time - parentTime);
    }

    private static JsonValue get(HttpClient client, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the local node answered HTTP " + response.statusCode() + " to GET " + uri);
            }
            try (JsonReader reader = JSON.createReader(new StringReader(response.body()))) {
                return reader.readValue();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the local node at " + uri + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the local node", e);
        }
    }
}
