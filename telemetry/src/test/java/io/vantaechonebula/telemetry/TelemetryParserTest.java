package io.vantaechonebula.telemetry;

import static io.vantaechonebula.telemetry.Samples.NOW;
import static io.vantaechonebula.telemetry.Samples.batch;
import static io.vantaechonebula.telemetry.Samples.contribution;
import static io.vantaechonebula.telemetry.Samples.contributionData;
import static io.vantaechonebula.telemetry.Samples.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TelemetryParserTest {

    private final TelemetryParser parser =
            new TelemetryParser(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), 3);

    @Nested
    class Batches {

        @Test
        void acceptsTheSeedBatchShapeWithEveryMetric() throws Exception {
            TelemetryPayload payload = parser.parse(batch("node-a", sample("node-a", 1), sample("node-a", 2)).toString(), null);

            assertThat(payload.kind()).isEqualTo(PayloadKind.BATCH);
            assertThat(payload.nodeId()).isEqualTo("node-a");
            assertThat(payload.samples()).hasSize(2);
            TelemetrySample first = payload.samples().get(0);
            assertThat(first.nodeType()).isEqualTo("basic");
            assertThat(first.chainId()).isEqualTo("testnet");
            assertThat(first.seq()).isEqualTo(1L);
            assertThat(first.currentHeight()).isEqualTo(1201L);
            assertThat(first.miningHashRate()).isEqualTo(125000.5);
            assertThat(first.peerCount()).isEqualTo(4L);
            assertThat(first.averageLatencyMs()).isEqualTo(38.2);
            assertThat(first.connectionQuality()).isEqualTo(0.93);
            assertThat(first.cpuUsage()).isEqualTo(0.31);
            assertThat(first.storageUsage()).as("optional, not sent").isNull();
            assertThat(first.uptimeSeconds()).isEqualTo(3600.5);
            assertThat(first.timestamp()).isEqualByComparingTo(new BigDecimal(NOW - 95 + ".25"));
            assertThat(first.timestampMillis()).isEqualTo((NOW - 95) * 1000 + 250);
        }

        @Test
        void acceptsNullLatencyFromANodeWithoutPeers() throws Exception {
            JsonObjectBuilder lonely = sample("node-a", 1).add("network_metrics", Json.createObjectBuilder()
                    .add("peer_count", 0).addNull("average_latency").add("bandwidth_usage", 0).add("connection_quality", 0));
            TelemetrySample sample = parser.parse(batch("node-a", lonely).toString(), null).samples().get(0);
            assertThat(sample.averageLatencyMs()).isNull();
            assertThat(sample.peerCount()).isZero();
        }

        @Test
        void acceptsASampleWithoutSequenceNumber() throws Exception {
            JsonObjectBuilder unnumbered = sample("node-a", 1).remove("seq");
            TelemetrySample sample = parser.parse(batch("node-a", unnumbered).toString(), null).samples().get(0);
            assertThat(sample.seq()).isNull();
            assertThat(sample.dedupKey()).isEqualTo("ts:" + (NOW - 95) + ".25");
        }

        @Test
        void takesEightChainsInABatchAndRefusesNine() throws Exception {
            TelemetryParser roomy = new TelemetryParser(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), 100);
            assertThat(roomy.parse(batch("node-a", ofChains(8)).toString(), null).samples()).hasSize(8);
            assertThatThrownBy(() -> roomy.parse(batch("node-a", ofChains(9)).toString(), null))
                    .isInstanceOf(InvalidTelemetryException.class)
                    .hasMessageContaining("data_batch: names 9 chains; a batch carries the samples of at most 8");
        }

        /** One sample on each of that many chains (a builder is spent once built, so each call makes new ones). */
        private JsonObjectBuilder[] ofChains(int chains) {
            JsonObjectBuilder[] samples = new JsonObjectBuilder[chains];
            for (int i = 0; i < chains; i++) {
                samples[i] = sample("node-a", i + 1).add("chain_id", "chain-" + i);
            }
            return samples;
        }

        @Test
        void rejectsEmptyBatch() {
            assertRejected(batch("node-a"), "data_batch", "is empty");
        }

        @Test
        void rejectsBatchLargerThanTheLimit() {
            JsonObject big = batch("node-a", sample("node-a", 1), sample("node-a", 2), sample("node-a", 3), sample("node-a", 4));
            assertRejected(big, "data_batch", "at most 3");
        }

        @Test
        void rejectsBatchSizeThatDisagreesWithTheSamples() {
            JsonObject wrong = Json.createObjectBuilder(batch("node-a", sample("node-a", 1))).add("batch_size", 2).build();
            assertRejected(wrong, "batch_size", "says 2 but data_batch holds 1");
        }

        @Test
        void rejectsSampleOfAnotherNode() {
            assertRejected(batch("node-a", sample("node-b", 1)), "data_batch[0].node_id", "a batch carries one node's samples");
        }

        @Test
        void rejectsBatchWithoutNodeId() {
            JsonObject anonymous = Json.createObjectBuilder(batch("node-a", sample("node-a", 1))).remove("node_id").build();
            assertRejected(anonymous, "node_id", "is missing");
        }

        @Test
        void rejectsNodeIdWithSpaces() {
            assertRejected(batch("node a", sample("node a", 1)), "node_id", "letters, digits");
        }

        @Test
        void rejectsDataBatchThatIsNotAnArray() {
            JsonObject notArray = Json.createObjectBuilder(batch("node-a", sample("node-a", 1))).add("data_batch", "x").build();
            assertRejected(notArray, "data_batch", "must be an array");
        }

        @Test
        void rejectsNegativePeerCount() {
            assertRejectedSample(s -> s.add("network_metrics", network().add("peer_count", -1)),
                    "data_batch[0].network_metrics.peer_count", "must be between 0 and 1000000, got -1");
        }

        @Test
        void takesEachMetricUpToItsPhysicalLimitAndRefusesAboveItWithAHintAtTheUnit() throws Exception {
            TelemetrySample atLimit = parser.parse(batch("node-a", sample("node-a", 1)
                    .add("blockchain_metrics", chain().add("current_height", PhysicalLimits.HEIGHT)
                            .add("mining_hash_rate", PhysicalLimits.HASH_RATE))
                    .add("network_metrics", network().add("bandwidth_usage", PhysicalLimits.BANDWIDTH))), null).samples().get(0);
            assertThat(atLimit.currentHeight()).isEqualTo(PhysicalLimits.HEIGHT);
            assertThat(atLimit.miningHashRate()).isEqualTo(PhysicalLimits.HASH_RATE);

            assertRejectedSample(s -> s.add("blockchain_metrics", chain().add("current_height", PhysicalLimits.HEIGHT + 1)),
                    "data_batch[0].blockchain_metrics.current_height",
                    "must be between 0 and 1000000000000, got 1000000000001; no node measures more, so check the value's unit");
            assertRejectedSample(s -> s.add("blockchain_metrics", chain().add("current_height", 1L << 62)),
                    "data_batch[0].blockchain_metrics.current_height", "no node measures more");
            assertRejectedSample(s -> s.add("blockchain_metrics", chain().add("mining_hash_rate", 1e308)),
                    "data_batch[0].blockchain_metrics.mining_hash_rate", "must be between 0 and 1.0E24, got 1.0E+308; no node measures more");
            assertRejectedSample(s -> s.add("network_metrics", network().add("average_latency", new BigDecimal("1e400"))),
                    "data_batch[0].network_metrics.average_latency", "must be between 0 and 86400000, got 1E+400");
            assertRejectedSample(s -> s.add("performance_metrics", performance().add("uptime", -1)),
                    "data_batch[0].performance_metrics.uptime", "must be between 0 and 3155760000, got -1");
        }

        @Test
        void anExtensionLargerThanASampleStoresIsRefused() throws Exception {
            String note = "x".repeat(TelemetryParser.MAX_EXTENSION_CHARS);
            assertRejectedSample(s -> s.add("ai_metrics", Json.createObjectBuilder().add("note", note)),
                    "data_batch[0].ai_metrics", "at most 16384 are stored with a sample");
            assertThat(parser.parse(batch("node-a", sample("node-a", 1).add("ai_metrics",
                    Json.createObjectBuilder().add("note", "x".repeat(1000)))), null).samples().get(0).extensionsJson()).contains("note");
        }

        @Test
        void refusesAnObjectThatNamesAKeyTwice() {
            String twice = batch("node-a", sample("node-a", 1)).toString().replaceFirst("\\{", "{\"node_id\":\"someone-else\",");
            assertThatThrownBy(() -> parser.parse(twice, null)).isInstanceOf(InvalidTelemetryException.class)
                    .hasMessageContaining("is not");
        }

        @Test
        void namesATwoThousandDigitNumberShortly() {
            BigDecimal huge = new BigDecimal("9".repeat(2000));
            assertThatThrownBy(() -> parser.parse(batch("node-a", sample("node-a", 1)
                    .add("blockchain_metrics", chain().add("transaction_count", huge))), null))
                    .isInstanceOf(InvalidTelemetryException.class)
                    .satisfies(e -> assertThat(e.getMessage()).contains("9999…").hasSizeLessThan(400));
        }

        @Test
        void rejectsFractionalBlockCount() {
            assertRejectedSample(s -> s.add("blockchain_metrics", chain().add("transaction_count", 2.5)),
                    "data_batch[0].blockchain_metrics.transaction_count", "must be a whole number, got the number 2.5");
        }

        @Test
        void readsStorageUsageWhereTheNodeMeasuresIt() throws Exception {
            JsonObjectBuilder measured = sample("node-a", 1).add("performance_metrics", performance().add("storage_usage", 0.93));
            assertThat(parser.parse(batch("node-a", measured).toString(), null).samples().get(0).storageUsage()).isEqualTo(0.93);
            assertRejectedSample(s -> s.add("performance_metrics", performance().add("storage_usage", 93)),
                    "data_batch[0].performance_metrics.storage_usage", "divide it by 100");
        }

        @Test
        void readsTheSyncStatusWhereTheNodeSendsItAndRefusesOneHalfSentOrWronglyTyped() throws Exception {
            JsonObjectBuilder syncing = sample("node-a", 1).add("blockchain_metrics", chain()
                    .add("sync_status", Json.createObjectBuilder().add("syncing", true).add("blocks_behind", 340)));
            TelemetrySample read = parser.parse(batch("node-a", syncing).toString(), null).samples().get(0);
            assertThat(read.syncing()).isTrue();
            assertThat(read.blocksBehind()).isEqualTo(340);
            TelemetrySample without = parser.parse(batch("node-a", sample("node-a", 1)).toString(), null).samples().get(0);
            assertThat(without.syncing()).as("the seeds' nodes send none").isNull();
            assertThat(without.blocksBehind()).isNull();

            assertRejectedSample(s -> s.add("blockchain_metrics", chain().add("sync_status", Json.createObjectBuilder().add("syncing", true))),
                    "data_batch[0].blockchain_metrics.sync_status.blocks_behind", "is missing");
            assertRejectedSample(s -> s.add("blockchain_metrics", chain().add("sync_status",
                            Json.createObjectBuilder().add("syncing", "yes").add("blocks_behind", 1))),
                    "data_batch[0].blockchain_metrics.sync_status.syncing", "must be true or false");
            assertRejectedSample(s -> s.add("blockchain_metrics", chain().add("sync_status",
                            Json.createObjectBuilder().add("syncing", false).add("blocks_behind", -3))),
                    "data_batch[0].blockchain_metrics.sync_status.blocks_behind", "");
            assertRejectedSample(s -> s.add("blockchain_metrics", chain().add("sync_status", "syncing")),
                    "data_batch[0].blockchain_metrics.sync_status", "must be an object");
        }

        @Test
        void rejectsCpuUsageSentAsPercentage() {
            assertRejectedSample(s -> s.add("performance_metrics", performance().add("cpu_usage", 37.5)),
                    "data_batch[0].performance_metrics.cpu_usage", "divide it by 100");
        }

        @Test
        void rejectsMissingMetricGroup() {
            assertRejectedSample(s -> s.remove("performance_metrics"), "data_batch[0].performance_metrics", "is missing");
        }

        @Test
        void rejectsMissingLatencyButNamesNullAsTheWayToSayNone() {
            JsonObjectBuilder network = Json.createObjectBuilder().add("peer_count", 1).add("bandwidth_usage", 1).add("connection_quality", 1);
            assertRejectedSample(s -> s.add("network_metrics", network),
                    "data_batch[0].network_metrics.average_latency", "send null");
        }

        @Test
        void rejectsNumberSentAsString() {
            assertRejectedSample(s -> s.add("blockchain_metrics", chain().add("current_height", "12")),
                    "data_batch[0].blockchain_metrics.current_height", "got the string \"12\"");
        }

        @Test
        void rejectsUnknownNodeType() {
            assertRejectedSample(s -> s.add("node_type", "archive"), "data_batch[0].node_type", "one of full, simple, basic");
        }

        @Test
        void rejectsTimestampInMilliseconds() {
            assertRejectedSample(s -> s.add("timestamp", NOW * 1000), "data_batch[0].timestamp", "looks like milliseconds");
        }

        @Test
        void rejectsTimestampFromTheFuture() {
            assertRejectedSample(s -> s.add("timestamp", NOW + 3600), "data_batch[0].timestamp", "check the node's clock");
        }

        @Test
        void rejectsTimestampBeforeTheYear2000() {
            assertRejectedSample(s -> s.add("timestamp", 12), "data_batch[0].timestamp", "before the year 2000");
        }

        @Test
        void rejectsNegativeSequenceNumber() {
            assertRejectedSample(s -> s.add("seq", -4), "data_batch[0].seq", "must be 0 or more, got -4");
        }

        @Test
        void rejectsNegativeDroppedSampleCount() {
            JsonObject wrong = Json.createObjectBuilder(batch("node-a", sample("node-a", 1))).add("dropped_samples", -3).build();
            assertRejected(wrong, "dropped_samples", "-3");
        }

        @Test
        void keepsTheBlocksANodeReportsAndNamesTheFieldOfABadOne() throws Exception {
            JsonObjectBuilder block = Json.createObjectBuilder().add("height", 12).add("hash", "ab12").add("miner", "9f")
                    .add("timestamp_ms", 1_763_800_000_000L).add("transactions", 3).add("volume", 500).add("fees", 3)
                    .add("difficulty", 4096.0).add("interval_ms", 9_800);
            JsonObjectBuilder reporting = sample("node-a", 1).add("blocks", Json.createArrayBuilder().add(block));
            assertThat(parser.parse(batch("node-a", reporting).toString(), null).samples().get(0).extensionsJson())
                    .startsWith("{\"blocks\":[{\"height\":12,");
            assertRejectedSample(s -> s.add("blocks", Json.createArrayBuilder().add(block).add(
                            Json.createObjectBuilder().add("height", 13).add("hash", "cd34").add("timestamp_ms", 1).add("transactions", -1)
                                    .add("volume", 0).add("fees", 0).add("difficulty", 1))),
                    "data_batch[0].blocks[1].miner", "is missing");
            assertRejectedSample(s -> s.add("blocks", Json.createObjectBuilder()), "data_batch[0].blocks", "must be an array of blocks");
        }

        @Test
        void keepsTheSideBlocksANodeRefusedAndNamesWhatIsWrongWithABadReport() throws Exception {
            JsonObjectBuilder refused = Json.createObjectBuilder().add("blocks", 3).add("last_height", 40)
                    .add("last_reason", "F6: a side block at height 40 is at or below height 60");
            String kept = parser.parse(batch("node-a", sample("node-a", 1).add("refused_forks", refused)).toString(), null)
                    .samples().get(0).extensionsJson();
            assertThat(SampleExtensions.decode(kept).refusedForks())
                    .contains(new RefusedForks(3, 40, "F6: a side block at height 40 is at or below height 60"));
            assertRejectedSample(s -> s.add("refused_forks", Json.createObjectBuilder().add("blocks", 0).add("last_height", 40)
                    .add("last_reason", "x")), "data_batch[0].refused_forks.blocks", "must be between 1 and 1000000, got 0");
            assertRejectedSample(s -> s.add("refused_forks", Json.createObjectBuilder().add("blocks", 1).add("last_height", 40)
                    .add("last_reason", "x".repeat(RefusedForks.MAX_REASON_LENGTH + 1))), "data_batch[0].refused_forks.last_reason",
                    "at most 500");
            assertRejectedSample(s -> s.add("refused_forks", 7), "data_batch[0].refused_forks", "must be an object");
        }

        @Test
        void rejectsExtensionThatIsNotAnObject() {
            assertRejectedSample(s -> s.add("ai_metrics", 3), "data_batch[0].ai_metrics", "must be a JSON object");
        }

        @Test
        void reportsEveryProblemAtOnce() {
            JsonObjectBuilder bad = sample("node-a", 1)
                    .add("node_type", "x")
                    .add("network_metrics", network().add("peer_count", -1))
                    .add("performance_metrics", performance().add("memory_usage", -0.5));
            assertThatThrownBy(() -> parser.parse(batch("node-a", bad).toString(), null))
                    .isInstanceOfSatisfying(InvalidTelemetryException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field)
                            .containsExactly("data_batch[0].node_type", "data_batch[0].network_metrics.peer_count",
                                    "data_batch[0].performance_metrics.memory_usage"))
                    .hasMessageStartingWith("3 problems: ");
        }
    }

    @Nested
    class Contributions {

        @Test
        void attributesAContributionWithoutNodeIdToTheSender() throws Exception {
            TelemetryPayload payload = parser.parse(contribution(contributionData()).toString(), "sender-7f3a");

            assertThat(payload.kind()).isEqualTo(PayloadKind.CONTRIBUTION);
            assertThat(payload.nodeId()).isEqualTo("sender-7f3a");
            TelemetrySample sample = payload.samples().get(0);
            assertThat(sample.nodeId()).isEqualTo("sender-7f3a");
            assertThat(sample.blocksProcessed()).isEqualTo(17L);
            assertThat(sample.transactionCount()).isEqualTo(230L);
            assertThat(sample.averageLatencyMs()).isEqualTo(41.5);
            assertThat(sample.peerCount()).isEqualTo(3L);
            assertThat(sample.currentHeight()).isNull();
            assertThat(sample.cpuUsage()).isNull();
            assertThat(payload.json().getJsonObject("node_data").getString("node_id")).isEqualTo("sender-7f3a");
        }

        @Test
        void keepsTheNodeIdTheContributionNames() throws Exception {
            TelemetryPayload payload = parser.parse(contribution(contributionData().add("node_id", "simple-9")).toString(), "sender-7f3a");
            assertThat(payload.nodeId()).isEqualTo("simple-9");
        }

        @Test
        void keepsTransactionAnalysisAndAiMetrics() throws Exception {
            JsonObjectBuilder data = contributionData()
                    .add("transaction_analysis", Json.createObjectBuilder().add("suspicious", 2))
                    .add("ai_metrics", Json.createObjectBuilder().add("inference_ms", 4.5));
            TelemetrySample sample = parser.parse(contribution(data).toString(), "s").samples().get(0);
            assertThat(sample.extensionsJson()).isEqualTo(
                    "{\"transaction_analysis\":{\"suspicious\":2},\"ai_metrics\":{\"inference_ms\":4.5}}");
        }

        @Test
        void requiresNodeIdWhenThereIsNoSender() {
            assertRejected(contribution(contributionData()), "node_data.node_id", "is required");
        }

        @Test
        void rejectsWrongDataType() {
            JsonObject wrong = Json.createObjectBuilder(contribution(contributionData())).add("data_type", "node_report").build();
            assertRejected(wrong, "data_type", "must be \"node_contribution\"");
        }

        @Test
        void rejectsContributionWithoutNodeData() {
            JsonObject empty = Json.createObjectBuilder().add("timestamp", NOW).add("data_type", "node_contribution").build();
            assertRejected(empty, "node_data", "is missing");
        }

        @Test
        void rejectsMissingPeerCount() {
            assertRejected(contribution(contributionData().remove("peer_count")), "node_data.peer_count", "is missing");
        }
    }

    @Nested
    class Documents {

        @Test
        void rejectsTextThatIsNotJson() {
            assertThatThrownBy(() -> parser.parse("{\"node_id\": ", "s"))
                    .isInstanceOfSatisfying(InvalidTelemetryException.class,
                            e -> assertThat(e.errors().get(0).message()).startsWith("is not valid JSON"));
        }

        @Test
        void rejectsJsonNestedDeeperThanTheParserTakesAsInvalid() {
            String deep = "{\"node_id\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
            assertThatThrownBy(() -> parser.parse(deep, "s"))
                    .isInstanceOfSatisfying(InvalidTelemetryException.class,
                            e -> assertThat(e.errors().get(0).message()).startsWith("is not readable JSON"));
        }

        @Test
        void rejectsJsonThatIsNotAnObject() {
            assertThatThrownBy(() -> parser.parse("[1,2]", "s")).hasMessageContaining("must be a JSON object, got an array");
        }

        @Test
        void rejectsObjectOfNeitherShape() {
            assertThatThrownBy(() -> parser.parse("{\"hello\":1}", "s")).hasMessageContaining("neither a batch");
        }
    }

    @Test
    void sameSequenceNumberIsTheSameSampleWhateverTheTimestamp() throws Exception {
        TelemetrySample a = parser.parse(batch("n", sample("n", 5)).toString(), null).samples().get(0);
        TelemetrySample b = parser.parse(batch("n", sample("n", 5).add("timestamp", NOW - 1)).toString(), null).samples().get(0);
        assertThat(a.dedupKey()).isEqualTo(b.dedupKey()).isEqualTo("seq:5");
    }

    @Test
    void timestampsThatDifferOnlyInTrailingZerosAreTheSameSample() throws Exception {
        String one = batch("n", sample("n", 1).remove("seq").add("timestamp", new BigDecimal(NOW - 10 + ".50"))).toString();
        String two = batch("n", sample("n", 1).remove("seq").add("timestamp", new BigDecimal(NOW - 10 + ".5"))).toString();
        assertThat(parser.parse(one, null).samples().get(0).dedupKey())
                .isEqualTo(parser.parse(two, null).samples().get(0).dedupKey());
    }

    private void assertRejectedSample(Consumer<JsonObjectBuilder> change, String field, String message) {
        JsonObjectBuilder sample = sample("node-a", 1);
        change.accept(sample);
        assertRejected(batch("node-a", sample), field, message);
    }

    private AbstractThrowableAssert<?, ?> assertRejected(JsonValue payload, String field, String message) {
        return assertThatThrownBy(() -> parser.parse(payload.toString(), null))
                .isInstanceOfSatisfying(InvalidTelemetryException.class, e -> assertThat(e.errors())
                        .anySatisfy(error -> {
                            assertThat(error.field()).isEqualTo(field);
                            assertThat(error.message()).contains(message);
                        }));
    }

    private static JsonObjectBuilder chain() {
        return Json.createObjectBuilder().add("current_height", 1).add("blocks_processed_last_interval", 1)
                .add("transaction_count", 1).add("mining_hash_rate", 1);
    }

    private static JsonObjectBuilder network() {
        return Json.createObjectBuilder().add("peer_count", 1).add("average_latency", 1)
                .add("bandwidth_usage", 1).add("connection_quality", 1);
    }

    private static JsonObjectBuilder performance() {
        return Json.createObjectBuilder().add("cpu_usage", 0.5).add("memory_usage", 0.5).add("uptime", 1);
    }
}
