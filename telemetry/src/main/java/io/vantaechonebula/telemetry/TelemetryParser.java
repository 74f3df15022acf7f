package io.vantaechonebula.telemetry;

import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a telemetry payload (schema v1). Every problem is reported with the path of
 * its field, so a sender can fix them all at once; a payload with any problem yields no samples.
 */
public final class TelemetryParser {

    /** Looked up once: Json.createX looks the provider up again on every call, through the server's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();
    /**
     * Refuses an object that names a key twice: readers that keep the first and readers that keep the
     * last would see different payloads in the same bytes.
     */
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(
            Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    public static final Set<String> NODE_TYPES = Set.of("full", "simple", "basic");
    public static final int DEFAULT_MAX_SAMPLES_PER_BATCH = 1000;

    /** Timestamps before 2000-01-01 are a clock or unit error, not telemetry. */
    static final long EARLIEST_TIMESTAMP = 946_684_800L;
    /** Clock skew tolerated between a node and the pool. */
    static final long MAX_FUTURE_SKEW_SECONDS = 300;
    private static final int MAX_REPORTED_ERRORS = 25;
    /** The most of {@code transaction_analysis} or {@code ai_metrics} a sample stores, as JSON text. */
    public static final int MAX_EXTENSION_CHARS = 16_384;
    /**
     * Chains one batch may name. Each chain of each node is a stream of its own in every stage; a batch
     * of a thousand invented chain ids would make a stage hold thousands of models at once.
     */
    public static final int MAX_CHAINS_PER_BATCH = 8;
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern CHAIN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String CONTRIBUTION_TYPE = "node_contribution";

    private final Clock clock;
    private final int maxSamplesPerBatch;

    public TelemetryParser(Clock clock, int maxSamplesPerBatch) {
        this.clock = clock;
        this.maxSamplesPerBatch = maxSamplesPerBatch;
    }

    public TelemetryParser() {
        this(Clock.systemUTC(), DEFAULT_MAX_SAMPLES_PER_BATCH);
    }

    /**
     * Parses a payload as text.
     *
     * @param senderNodeId the id to attribute a contribution without {@code node_id} to; null
     *                     where there is no sender to derive one from (then node_id is required)
     */
    public TelemetryPayload parse(String json, String senderNodeId) throws InvalidTelemetryException {
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new InvalidTelemetryException("$", "is not valid JSON: " + e.getMessage());
        } catch (JsonException e) {
            throw new InvalidTelemetryException("$", "is not readable JSON: " + e.getMessage());
        } catch (RuntimeException e) {
            // Parsson refuses input nested deeper than its limit with a plain RuntimeException.
            throw new InvalidTelemetryException("$", "is not readable JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidTelemetryException("$", "must be a JSON object, got " + describe(value));
        }
        return parse(value.asJsonObject(), senderNodeId);
    }

    public TelemetryPayload parse(JsonObject payload, String senderNodeId) throws InvalidTelemetryException {
        if (payload.containsKey("data_batch")) {
            return parseBatch(payload);
        }
        if (payload.containsKey("node_data") || payload.containsKey("data_type")) {
            return parseContribution(payload, senderNodeId);
        }
        throw new InvalidTelemetryException("$", "is neither a batch (it has no \"data_batch\") nor a contribution"
                + " (it has no \"node_data\"); see docs/ingest.md for both shapes");
    }

    private TelemetryPayload parseBatch(JsonObject payload) throws InvalidTelemetryException {
        Errors errors = new Errors();
        String nodeId = nodeId(payload, "node_id", "node_id", errors);
        BigDecimal submissionTime = timestamp(payload, "submission_time", "submission_time", errors);
        Long droppedSamples = payload.containsKey("dropped_samples") && payload.get("dropped_samples") != JsonValue.NULL
                ? wholeNumber(payload, "dropped_samples", "dropped_samples", errors, 0, Long.MAX_VALUE) : null;
        JsonValue batchValue = payload.get("data_batch");
        List<TelemetrySample> samples = new ArrayList<>();
        if (batchValue.getValueType() != JsonValue.ValueType.ARRAY) {
            errors.add("data_batch", "must be an array of samples, got " + describe(batchValue));
        } else {
            JsonArray batch = batchValue.asJsonArray();
            if (batch.isEmpty()) {
                errors.add("data_batch", "is empty; send at least one sample");
            } else if (batch.size() > maxSamplesPerBatch) {
                errors.add("data_batch", "holds " + batch.size() + " samples; at most " + maxSamplesPerBatch
                        + " are accepted in one batch, so split it");
            } else {
                Long batchSize = wholeNumber(payload, "batch_size", "batch_size", errors, 0, Long.MAX_VALUE);
                if (batchSize != null && batchSize != batch.size()) {
                    errors.add("batch_size", "says " + batchSize + " but data_batch holds " + batch.size() + " samples");
                }
                for (int i = 0; i < batch.size(); i++) {
                    String path = "data_batch[" + i + "]";
                    JsonValue item = batch.get(i);
                    if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                        errors.add(path, "must be a sample object, got " + describe(item));
                        continue;
                    }
                    TelemetrySample sample = batchSample(item.asJsonObject(), path, errors);
                    if (sample != null && nodeId != null && !nodeId.equals(sample.nodeId())) {
                        errors.add(path + ".node_id", "is \"" + sample.nodeId() + "\" but the batch is from \""
                                + nodeId + "\"; a batch carries one node's samples");
                    }
                    samples.add(sample);
                }
                long chains = samples.stream().filter(Objects::nonNull).map(TelemetrySample::chainId).distinct().count();
                if (chains > MAX_CHAINS_PER_BATCH) {
                    errors.add("data_batch", "names " + chains + " chains; a batch carries the samples of at most "
                            + MAX_CHAINS_PER_BATCH + " (a node runs a few), so send each chain's samples in batches of their own");
                }
            }
        }
        errors.throwIfAny();
        return new TelemetryPayload(PayloadKind.BATCH, nodeId, samples, payload, droppedSamples,
                submissionTime.movePointRight(3).longValue());
    }

    private TelemetrySample batchSample(JsonObject sample, String path, Errors errors) {
        int before = errors.count();
        String nodeId = nodeId(sample, "node_id", path + ".node_id", errors);
        String nodeType = nodeType(sample, "node_type", path + ".node_type", errors);
        String chainId = chainId(sample, "chain_id", path + ".chain_id", errors);
        BigDecimal timestamp = timestamp(sample, "timestamp", path + ".timestamp", errors);
        Long seq = sample.containsKey("seq") && sample.get("seq") != JsonValue.NULL
                ? wholeNumber(sample, "seq", path + ".seq", errors, 0, Long.MAX_VALUE) : null;

        JsonObject chain = object(sample, "blockchain_metrics", path, errors);
        JsonObject network = object(sample, "network_metrics", path, errors);
        JsonObject performance = object(sample, "performance_metrics", path, errors);
        String chainPath = path + ".blockchain_metrics.";
        String networkPath = path + ".network_metrics.";
        String performancePath = path + ".performance_metrics.";

        Long height = chain == null ? null : wholeNumber(chain, "current_height", chainPath + "current_height", errors, 0, PhysicalLimits.HEIGHT);
        Long blocks = chain == null ? null : wholeNumber(chain, "blocks_processed_last_interval", chainPath + "blocks_processed_last_interval", errors, 0, PhysicalLimits.BLOCKS_PER_INTERVAL);
        Long transactions = chain == null ? null : wholeNumber(chain, "transaction_count", chainPath + "transaction_count", errors, 0, PhysicalLimits.TRANSACTIONS);
        Double hashRate = chain == null ? null : number(chain, "mining_hash_rate", chainPath + "mining_hash_rate", errors, 0, PhysicalLimits.HASH_RATE, false);
        JsonObject sync = chain == null || !chain.containsKey("sync_status") || chain.get("sync_status") == JsonValue.NULL ? null
                : object(chain, "sync_status", path + ".blockchain_metrics", errors);
        String syncPath = chainPath + "sync_status.";
        Boolean syncing = sync == null ? null : bool(sync, "syncing", syncPath + "syncing", errors);
        Long behind = sync == null ? null : wholeNumber(sync, "blocks_behind", syncPath + "blocks_behind", errors, 0, PhysicalLimits.HEIGHT);

        Long peers = network == null ? null : wholeNumber(network, "peer_count", networkPath + "peer_count", errors, 0, PhysicalLimits.PEERS);
        Double latency = network == null ? null : number(network, "average_latency", networkPath + "average_latency", errors, 0, PhysicalLimits.LATENCY_MS, true);
        Double bandwidth = network == null ? null : number(network, "bandwidth_usage", networkPath + "bandwidth_usage", errors, 0, PhysicalLimits.BANDWIDTH, false);
        Double quality = network == null ? null : fraction(network, "connection_quality", networkPath + "connection_quality", errors);

        Double cpu = performance == null ? null : fraction(performance, "cpu_usage", performancePath + "cpu_usage", errors);
        Double memory = performance == null ? null : fraction(performance, "memory_usage", performancePath + "memory_usage", errors);
        Double storage = performance == null || !performance.containsKey("storage_usage") ? null
                : fraction(performance, "storage_usage", performancePath + "storage_usage", errors);
        Double uptime = performance == null ? null : number(performance, "uptime", performancePath + "uptime", errors, 0, PhysicalLimits.UPTIME_SECONDS, false);

        String extensions = extensions(sample, path, errors);
        if (errors.count() > before) {
            return null;
        }
        return new TelemetrySample(nodeId, nodeType, chainId, timestamp, seq, height, blocks, transactions, hashRate,
                syncing, behind, peers, latency, bandwidth, quality, cpu, memory, storage, uptime, extensions);
    }

    private TelemetryPayload parseContribution(JsonObject payload, String senderNodeId) throws InvalidTelemetryException {
        Errors errors = new Errors();
        JsonValue type = payload.get("data_type");
        if (type == null) {
            errors.add("data_type", "is missing; a contribution says \"data_type\": \"" + CONTRIBUTION_TYPE + "\"");
        } else if (!(type instanceof JsonString s) || !CONTRIBUTION_TYPE.equals(s.getString())) {
            errors.add("data_type", "must be \"" + CONTRIBUTION_TYPE + "\", got " + describe(type));
        }
        BigDecimal timestamp = timestamp(payload, "timestamp", "timestamp", errors);
        JsonObject data = object(payload, "node_data", "$", errors);
        if (data == null) {
            errors.throwIfAny();
        }
        String path = "node_data.";
        String nodeId;
        if (data.containsKey("node_id") && data.get("node_id") != JsonValue.NULL) {
            nodeId = nodeId(data, "node_id", path + "node_id", errors);
        } else if (senderNodeId != null) {
            nodeId = senderNodeId;
        } else {
            errors.add(path + "node_id", "is required when the contribution does not come over HTTP");
            nodeId = null;
        }
        String nodeType = nodeType(data, "node_type", path + "node_type", errors);
        String chainId = chainId(data, "chain_id", path + "chain_id", errors);
        Long blocks = wholeNumber(data, "blocks_processed", path + "blocks_processed", errors, 0, PhysicalLimits.BLOCKS_PER_INTERVAL);
        Long transactions = wholeNumber(data, "transactions_seen", path + "transactions_seen", errors, 0, PhysicalLimits.TRANSACTIONS);
        Double latency = number(data, "network_latency", path + "network_latency", errors, 0, PhysicalLimits.LATENCY_MS, true);
        Long peers = wholeNumber(data, "peer_count", path + "peer_count", errors, 0, PhysicalLimits.PEERS);
        String extensions = extensions(data, "node_data", errors);
        errors.throwIfAny();

        TelemetrySample sample = new TelemetrySample(nodeId, nodeType, chainId, timestamp, null, null, blocks,
                transactions, null, null, null, peers, latency, null, null, null, null, null, null, extensions);
        JsonObject attributed = JSON.createObjectBuilder(payload)
                .add("node_data", JSON.createObjectBuilder(data).add("node_id", nodeId))
                .build();
        return new TelemetryPayload(PayloadKind.CONTRIBUTION, nodeId, List.of(sample), attributed, null,
                sample.timestampMillis());
    }

    private static String extensions(JsonObject source, String path, Errors errors) {
        var builder = JSON.createObjectBuilder();
        boolean any = false;
        for (String key : List.of("transaction_analysis", "ai_metrics")) {
            JsonValue value = source.get(key);
            if (value == null || value == JsonValue.NULL) {
                continue;
            }
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                errors.add(path + "." + key, "must be a JSON object, got " + describe(value));
                continue;
            }
            int length = value.toString().length();
            if (length > MAX_EXTENSION_CHARS) {
                errors.add(path + "." + key, "is " + length + " characters of JSON; at most " + MAX_EXTENSION_CHARS
                        + " are stored with a sample");
                continue;
            }
            builder.add(key, value);
            any = true;
        }
        JsonValue blocks = source.get("blocks");
        if (blocks != null && blocks != JsonValue.NULL && blocks(blocks, path + ".blocks", errors)) {
            builder.add("blocks", blocks);
            any = true;
        }
        JsonValue refused = source.get("refused_forks");
        if (refused != null && refused != JsonValue.NULL && refusedForks(refused, path + ".refused_forks", errors)) {
            builder.add("refused_forks", refused);
            any = true;
        }
        return any ? builder.build().toString() : null;
    }

    /** A sample's {@code blocks}: the blocks the node took since its previous sample, each checked as the Block Data Processor reads it. */
    private static boolean blocks(JsonValue value, String path, Errors errors) {
        int before = errors.count();
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            errors.add(path, "must be an array of blocks, got " + describe(value));
            return false;
        }
        JsonArray array = value.asJsonArray();
        if (array.size() > BlockRecord.MAX_PER_SAMPLE) {
            errors.add(path, "holds " + array.size() + " blocks; a sample reports at most " + BlockRecord.MAX_PER_SAMPLE
                    + " (the newest, when a node took more)");
            return false;
        }
        for (int i = 0; i < array.size(); i++) {
            String at = path + "[" + i + "]";
            if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                errors.add(at, "must be a block object, got " + describe(array.get(i)));
                continue;
            }
            JsonObject block = array.get(i).asJsonObject();
            wholeNumber(block, "height", at + ".height", errors, 0, PhysicalLimits.HEIGHT);
            string(block, "hash", at + ".hash", errors);
            string(block, "miner", at + ".miner", errors);
            wholeNumber(block, "timestamp_ms", at + ".timestamp_ms", errors, 0, PhysicalLimits.EPOCH_MILLIS);
            wholeNumber(block, "transactions", at + ".transactions", errors, 0, PhysicalLimits.BLOCK_TRANSACTIONS);
            wholeNumber(block, "volume", at + ".volume", errors, 0, PhysicalLimits.AMOUNT);
            wholeNumber(block, "fees", at + ".fees", errors, 0, PhysicalLimits.AMOUNT);
            number(block, "difficulty", at + ".difficulty", errors, 0, PhysicalLimits.DIFFICULTY, false);
            if (block.containsKey("interval_ms") && block.get("interval_ms") != JsonValue.NULL) {
                wholeNumber(block, "interval_ms", at + ".interval_ms", errors, -PhysicalLimits.BLOCK_INTERVAL_MS, PhysicalLimits.BLOCK_INTERVAL_MS);
            }
        }
        return errors.count() == before;
    }

    /** A sample's {@code refused_forks}: the side blocks the node refused since its previous sample (docs/ingest.md). */
    private static boolean refusedForks(JsonValue value, String path, Errors errors) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(path, "must be an object {blocks, last_height, last_reason}, got " + describe(value));
            return false;
        }
        int before = errors.count();
        JsonObject refused = value.asJsonObject();
        wholeNumber(refused, "blocks", path + ".blocks", errors, 1, PhysicalLimits.BLOCKS_PER_INTERVAL);
        wholeNumber(refused, "last_height", path + ".last_height", errors, 0, PhysicalLimits.HEIGHT);
        String reason = string(refused, "last_reason", path + ".last_reason", errors);
        if (reason != null && reason.length() > RefusedForks.MAX_REASON_LENGTH) {
            errors.add(path + ".last_reason", "is " + reason.length() + " characters long; at most "
                    + RefusedForks.MAX_REASON_LENGTH + " are taken");
        }
        return errors.count() == before;
    }

    private static JsonObject object(JsonObject source, String key, String parentPath, Errors errors) {
        String path = "$".equals(parentPath) ? key : parentPath + "." + key;
        JsonValue value = source.get(key);
        if (value == null || value == JsonValue.NULL) {
            errors.add(path, "is missing");
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(path, "must be an object, got " + describe(value));
            return null;
        }
        return value.asJsonObject();
    }

    private static String nodeId(JsonObject source, String key, String path, Errors errors) {
        return matching(source, key, path, errors, NODE_ID, "1 to 128 letters, digits or . _ : - starting with a letter or digit");
    }

    private static String chainId(JsonObject source, String key, String path, Errors errors) {
        return matching(source, key, path, errors, CHAIN_ID, "1 to 64 letters, digits or . _ - (for example \"testnet\")");
    }

    private static String matching(JsonObject source, String key, String path, Errors errors, Pattern form, String rule) {
        String value = string(source, key, path, errors);
        if (value != null && !form.matcher(value).matches()) {
            errors.add(path, "must be " + rule + ", got \"" + abbreviate(value) + "\"");
            return null;
        }
        return value;
    }

    private static String nodeType(JsonObject source, String key, String path, Errors errors) {
        String value = string(source, key, path, errors);
        if (value != null && !NODE_TYPES.contains(value)) {
            errors.add(path, "must be one of full, simple, basic, got \"" + abbreviate(value) + "\"");
            return null;
        }
        return value;
    }

    private static Boolean bool(JsonObject source, String key, String path, Errors errors) {
        JsonValue value = source.get(key);
        if (value == null || value == JsonValue.NULL) {
            errors.add(path, "is missing");
            return null;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            errors.add(path, "must be true or false, got " + describe(value));
            return null;
        }
        return value == JsonValue.TRUE;
    }

    private static String string(JsonObject source, String key, String path, Errors errors) {
        JsonValue value = source.get(key);
        if (value == null || value == JsonValue.NULL) {
            errors.add(path, "is missing");
            return null;
        }
        if (!(value instanceof JsonString s)) {
            errors.add(path, "must be a string, got " + describe(value));
            return null;
        }
        return s.getString();
    }

    private BigDecimal timestamp(JsonObject source, String key, String path, Errors errors) {
        JsonValue value = source.get(key);
        if (value == null || value == JsonValue.NULL) {
            errors.add(path, "is missing; it is a time in epoch seconds, for example 1732262400.5");
            return null;
        }
        if (!(value instanceof JsonNumber n)) {
            errors.add(path, "must be a number of epoch seconds, got " + describe(value));
            return null;
        }
        BigDecimal seconds = n.bigDecimalValue();
        long latest = clock.instant().getEpochSecond() + MAX_FUTURE_SKEW_SECONDS;
        if (seconds.compareTo(BigDecimal.valueOf(latest * 100)) > 0) {
            errors.add(path, "is " + seconds.toPlainString() + ", which looks like milliseconds; send epoch seconds");
            return null;
        }
        if (seconds.compareTo(BigDecimal.valueOf(latest)) > 0) {
            errors.add(path, "is " + seconds.toPlainString() + ", more than " + MAX_FUTURE_SKEW_SECONDS
                    + " s ahead of the pool's clock; check the node's clock (NTP)");
            return null;
        }
        if (seconds.compareTo(BigDecimal.valueOf(EARLIEST_TIMESTAMP)) < 0) {
            errors.add(path, "is " + seconds.toPlainString() + ", before the year 2000; send epoch seconds");
            return null;
        }
        return seconds;
    }

    private static Long wholeNumber(JsonObject source, String key, String path, Errors errors, long min, long max) {
        JsonValue value = source.get(key);
        if (value == null || value == JsonValue.NULL) {
            errors.add(path, "is missing");
            return null;
        }
        if (!(value instanceof JsonNumber n) || !isWhole(n)) {
            errors.add(path, "must be a whole number, got " + describe(value));
            return null;
        }
        long number;
        try {
            number = n.bigDecimalValue().longValueExact();
        } catch (ArithmeticException e) {
            errors.add(path, outOfRange(Long.toString(min), max == Long.MAX_VALUE ? null : Long.toString(max), n));
            return null;
        }
        if (number < min || number > max) {
            errors.add(path, outOfRange(Long.toString(min), max == Long.MAX_VALUE ? null : Long.toString(max), n));
            return null;
        }
        return number;
    }

    private static Double fraction(JsonObject source, String key, String path, Errors errors) {
        JsonValue value = source.get(key);
        if (value instanceof JsonNumber n && n.doubleValue() > 1 && n.doubleValue() <= 100) {
            errors.add(path, "is a fraction from 0 to 1, got " + n + "; if that is a percentage, divide it by 100");
            return null;
        }
        return number(source, key, path, errors, 0, 1, false);
    }

    private static Double number(JsonObject source, String key, String path, Errors errors,
                                 double min, double max, boolean nullable) {
        JsonValue value = source.get(key);
        if (value == null) {
            errors.add(path, nullable ? "is missing (send null when there is no value yet)" : "is missing");
            return null;
        }
        if (value == JsonValue.NULL) {
            if (!nullable) {
                errors.add(path, "must be a number, got null");
            }
            return null;
        }
        if (!(value instanceof JsonNumber n)) {
            errors.add(path, "must be a number, got " + describe(value));
            return null;
        }
        double number = n.doubleValue();
        // The exact value as well: -1e-324 is -0.0 as a double, yet the JSON kept would say less than 0.
        BigDecimal exact = n.bigDecimalValue();
        if (!Double.isFinite(number) || number < min || number > max
                || exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.add(path, outOfRange(format(min), max == Double.MAX_VALUE ? null : format(max), n));
            return null;
        }
        return number;
    }

    private static boolean isWhole(JsonNumber n) {
        BigDecimal value = n.bigDecimalValue();
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    /** @param max null when there is no upper bound */
    private static String outOfRange(String min, String max, JsonNumber got) {
        String value = abbreviate(got.toString());
        if (max == null) {
            return "must be " + min + " or more, got " + value;
        }
        boolean above = got.bigDecimalValue().compareTo(new BigDecimal(max)) > 0;
        return "must be between " + min + " and " + max + ", got " + value
                + (above && !"1".equals(max) ? "; no node measures more, so check the value's unit (docs/ingest.md)" : "");
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString((long) bound) : Double.toString(bound);
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "the string \"" + abbreviate(((JsonString) value).getString()) + "\"";
            case NUMBER -> "the number " + value;
            case TRUE, FALSE -> "the boolean " + value;
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static final class Errors {
        private final List<FieldError> list = new ArrayList<>();
        private int count;

        void add(String field, String message) {
            count++;
            if (list.size() < MAX_REPORTED_ERRORS) {
                list.add(new FieldError(field, message));
            }
        }

        int count() {
            return count;
        }

        void throwIfAny() throws InvalidTelemetryException {
            if (count > list.size()) {
                list.add(new FieldError("$", (count - list.size()) + " more problems not listed"));
            }
            if (!list.isEmpty()) {
                throw new InvalidTelemetryException(list);
            }
        }
    }
}
