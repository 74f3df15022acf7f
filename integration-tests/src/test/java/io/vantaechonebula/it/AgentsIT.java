package io.vantaechonebula.it;

import static io.vantaechonebula.it.Telemetry.newNodeId;
import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.KeyFile;
import io.vantaechonebula.chain.json.TransactionJson;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.params.ChainParamsFile;
import io.vantaechonebula.chain.tx.Transaction;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agents as an operator meets them: a node misbehaves, an alert says so with its evidence, an operator acknowledges it. */
@ExtendWith(ArquillianExtension.class)
class AgentsIT {

    private static final String OPERATOR_PASSWORD = TestOperators.OPERATOR_PASSWORD;
    private static final String VIEWER_PASSWORD = TestOperators.VIEWER_PASSWORD;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return VantaEar.asBuilt();
    }

    @BeforeAll
    static void operators() {
        TestOperators.add();
    }

    @Test
    void aNodeWhoseLatencyJumpsGetsAnAlertWithEvidenceAndARecommendationThatAnOperatorAcknowledges() {
        String fast = newNodeId("fast");
        String slow = newNodeId("slow");
        send(fast, 1, 10, 20);
        send(slow, 1, 10, 40);
        Api.nodeWithSamples(slow, 10).orElseThrow();
        send(slow, 11, 1, 180);

        JsonObject alert = Api.eventually(() -> latencyAlert(slow), found -> found.isPresent()
                        && !found.get().isNull("recommendation"))
                .orElseThrow(() -> new AssertionError("no high_latency alert for " + slow));
        assertThat(alert.getString("agent")).isEqualTo("network-monitor");
        assertThat(alert.getString("severity")).isEqualTo("critical");
        JsonObject evidence = alert.getJsonObject("evidence");
        assertThat(evidence.getJsonNumber("value").doubleValue()).isEqualTo(180);
        assertThat(evidence.getJsonNumber("threshold").doubleValue()).isEqualTo(100);
        assertThat(evidence.getJsonNumber("usual").doubleValue()).isEqualTo(40);
        assertThat(alert.getString("summary")).contains(slow).contains("180 ms");
        assertThat(alert.getString("recommendation")).startsWith("Pick peers under 50 ms for node " + slow).contains(fast + " (20 ms)");
        assertThat(alert.isNull("acknowledgement")).isTrue();
        String path = "/api/v1/alerts/" + alert.getJsonNumber("id").longValue();

        Api.Answer anonymous = Api.post(path + "/acknowledgement", "");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(Api.postAs(path + "/acknowledgement", "vic", VIEWER_PASSWORD).status()).as("a viewer may not").isEqualTo(403);
        assertThat(Api.postAs(path + "/acknowledgement", "alice", "wrong-" + OPERATOR_PASSWORD).status()).isEqualTo(401);
        Api.Answer crossSite = Api.sendAs("POST", path + "/acknowledgement", "comment=hi", "alice", OPERATOR_PASSWORD,
                "application/x-www-form-urlencoded");
        assertThat(crossSite.status()).as("a form a page elsewhere posts with the operator's login").isEqualTo(415);
        assertThat(crossSite.object().getString("type")).isEqualTo("urn:vantaechonebula:problem:unsupported-media-type");
        assertThat(crossSite.object().getString("detail")).contains("X-Requested-By");
        assertThat(Api.get(path).object().isNull("acknowledgement")).as("refused attempts change nothing").isTrue();

        Api.Answer acknowledged = Api.postAs(path + "/acknowledgement", "alice", OPERATOR_PASSWORD);

        assertThat(acknowledged.status()).isEqualTo(200);
        JsonObject record = Api.get(path).object().getJsonObject("acknowledgement");
        assertThat(record.getString("by")).isEqualTo("alice");
        assertThat(record.getString("at")).isNotBlank();
        assertThat(Api.get("/api/v1/alerts?node=" + slow).object().getJsonArray("alerts")).as("no longer open").isEmpty();
        assertThat(Api.get("/api/v1/alerts?state=acknowledged&node=" + slow).object().getJsonArray("alerts")).hasSize(1);

        JsonObject health = Api.get("/api/v1/nodes/" + slow + "/health").object();
        assertThat(health.getInt("score")).isLessThan(80);
        assertThat(health.getJsonArray("recommendations").getString(0)).startsWith("Pick peers under 50 ms");
        JsonObject fastHealth = Api.get("/api/v1/nodes/" + fast + "/health").object();
        assertThat(fastHealth.getJsonArray("alerts").getValuesAs(JsonObject.class)).noneMatch(a -> a.getString("kind").equals("high_latency"));
        assertThat(fastHealth.getJsonArray("metrics").getValuesAs(JsonObject.class))
                .filteredOn(m -> m.getString("metric").equals("average_latency"))
                .singleElement().satisfies(m -> assertThat(m.getString("status")).isEqualTo("ok"));
    }

    @Test
    void aNodeThatStopsSendingIsSilentAndHeardFromAgainIsNot() throws Exception {
        String node = newNodeId("quiet");
        for (int payload = 0; payload < 4; payload++) {
            send(node, payload * 2L + 1, 2, 30);
            Thread.sleep(1_000);
        }
        // Four payloads a second apart teach the Network Monitor a gap of about 1 s: silent after 15 s, the least.
        JsonObject silent = Api.eventually(() -> alertOf(node, "node_silent"), Optional::isPresent)
                .orElseThrow(() -> new AssertionError("no node_silent alert for " + node));
        assertThat(silent.getString("agent")).isEqualTo("network-monitor");
        assertThat(silent.getJsonObject("evidence").getBoolean("usual_gap_learnt")).isTrue();
        assertThat(silent.getJsonObject("evidence").getJsonNumber("silent_after_ms").longValue()).isEqualTo(15_000);

        send(node, 9, 1, 30);

        String path = "/api/v1/alerts/" + silent.getJsonNumber("id").longValue();
        JsonObject resolved = Api.eventually(() -> Api.get(path).object(), alert -> !alert.isNull("resolvedAt"));
        assertThat(resolved.isNull("resolvedAt")).as("the silence ends once the node is heard from again").isFalse();
        assertThat(alertOf(node, "node_silent")).as("no longer open").isEmpty();
    }

    @Test
    void aNodeWhoseDiskIsNearlyFullIsToldToArchiveOldData() {
        String node = newNodeId("disk");
        Telemetry.sendStorage(node, 1, 0.50);
        Telemetry.sendStorage(node, 2, 0.96);

        JsonObject alert = Api.eventually(() -> alertOf(node, "high_storage"), found -> found.isPresent()
                        && !found.get().isNull("recommendation"))
                .orElseThrow(() -> new AssertionError("no high_storage alert for " + node));
        assertThat(alert.getString("agent")).isEqualTo("resonant");
        assertThat(alert.getString("severity")).isEqualTo("critical");
        assertThat(alert.getJsonObject("evidence").getJsonNumber("value").doubleValue()).isEqualTo(0.96);
        assertThat(alert.getJsonObject("evidence").getJsonNumber("threshold").doubleValue()).isEqualTo(0.90);
        assertThat(alert.getString("recommendation")).isEqualTo("Archive data older than 30 days on node " + node);

        JsonObject health = Api.get("/api/v1/nodes/" + node + "/health").object();
        assertThat(health.getJsonArray("metrics").getValuesAs(JsonObject.class))
                .filteredOn(m -> m.getString("metric").equals("storage_usage"))
                .singleElement().satisfies(m -> assertThat(m.getString("status")).isEqualTo("above"));
        assertThat(Api.get("/api/v1/nodes/" + node + "/samples?limit=1").body()).contains("\"storage_usage\":0.96");
    }

    @Test
    void aDoubleSpendANodeReportsBecomesACriticalAlertOfItsChain() {
        String node = newNodeId("watcher");
        String chain = "it-chain-" + System.nanoTime();
        String sender = "cd".repeat(20);
        JsonObject analysis = Json.createObjectBuilder().add("analysed", 12).add("anomalous", 1).add("max_score", 1.0)
                .add("alerts", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("transaction", "ab".repeat(32)).add("sender", sender).add("score", 1.0)
                        .add("reasons", Json.createArrayBuilder().add("nonce-conflict"))
                        .add("explanation", "nonce-conflict: nonce 3 of " + sender + " was already spent")
                        .add("raised_at", System.currentTimeMillis())))
                .add("alerts_from_peers", 0).build();
        JsonObject alert = advisedAlertOf(node, chain, "transaction_analysis", analysis);
        assertThat(alert.getString("kind")).isEqualTo("double_spend");
        assertThat(alert.getString("agent")).isEqualTo("transaction-analyzer");
        assertThat(alert.getString("severity")).isEqualTo("critical");
        assertThat(alert.getJsonObject("evidence").getString("reported_by")).isEqualTo(node);
        assertThat(alert.getString("recommendation")).startsWith("Hold payouts that depend on transactions of sender " + sender
                + " on chain " + chain);
        JsonObject analyzer = Api.get("/api/v1/agents/transaction-analyzer").object();
        assertThat(analyzer.getBoolean("running")).isTrue();
        assertThat(analyzer.getJsonNumber("processed").longValue()).isPositive();
    }

    @Test
    void oneMinerTakingOverWhileTheHashRateCollapsesIsAMajorityAttackRisk() throws Exception {
        String chain = "it-attack-" + System.nanoTime();
        String reporter = newNodeId("reporter");
        String helper = newNodeId("miner");
        long height = 0;
        long blockTime = System.currentTimeMillis() - 600_000;
        // Usual: four miners in turn, two nodes mining at 5,000 H/s each; a batch a second, so each is its own stage run.
        for (int round = 0; round < 15; round++) {
            JsonArrayBuilder blocks = Json.createArrayBuilder();
            for (int i = 0; i < 2; i++) {
                height++;
                blockTime += 10_000;
                blocks.add(block(height, "miner-" + height % 4, blockTime));
            }
            sendChainSample(reporter, round, chain, height, 5_000, blocks);
            sendChainSample(helper, round, chain, height, 5_000, Json.createArrayBuilder());
            Thread.sleep(1_100);
        }
        // The attack: one miner takes every block, and the chain's hash rate falls to a fiftieth.
        for (int round = 15; round < 20; round++) {
            JsonArrayBuilder blocks = Json.createArrayBuilder();
            for (int i = 0; i < 2; i++) {
                height++;
                blockTime += 10_000;
                blocks.add(block(height, "attacker", blockTime));
            }
            sendChainSample(reporter, round, chain, height, 100, blocks);
            sendChainSample(helper, round, chain, height, 100, Json.createArrayBuilder());
            Thread.sleep(1_100);
        }

        JsonArray alerts = Api.eventually(() -> Api.get("/api/v1/alerts?chain=" + chain).object().getJsonArray("alerts"),
                found -> found.size() >= 2 && found.getValuesAs(JsonObject.class).stream().noneMatch(a -> a.isNull("recommendation")));
        assertThat(alerts.getValuesAs(JsonObject.class)).extracting(a -> a.getString("kind"))
                .containsExactlyInAnyOrder("dominant_miner", "hash_rate_collapse");
        JsonObject dominant = alerts.getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("kind").equals("dominant_miner")).findFirst().orElseThrow();
        assertThat(dominant.getString("agent")).isEqualTo("analyst");
        assertThat(dominant.getJsonObject("evidence").getString("miner")).isEqualTo("attacker");
        assertThat(dominant.getString("recommendation")).startsWith("Wait for more confirmations on " + chain);
        JsonArray insights = Api.eventually(() -> Api.get("/api/v1/insights?chain=" + chain).object().getJsonArray("insights"),
                found -> !found.isEmpty());
        assertThat(insights.getValuesAs(JsonObject.class)).singleElement()
                .satisfies(insight -> assertThat(insight.getString("kind")).isEqualTo("majority_attack_risk"));
        JsonObject archivist = Api.get("/api/v1/agents/archivist").object();
        assertThat(archivist.getJsonArray("models").getValuesAs(JsonObject.class))
                .anySatisfy(model -> assertThat(model.getString("subject")).isEqualTo("chain:" + chain));
    }

    @Test
    void aNodeFloodingThePoolIsToldApart() {
        String node = newNodeId("flooder");
        long nowMs = System.currentTimeMillis();
        for (int batch = 0; batch < 6; batch++) {
            JsonArrayBuilder samples = Json.createArrayBuilder();
            for (int i = 0; i < 50; i++) {
                int seq = batch * 50 + i;
                samples.add(Telemetry.sample(node, seq).add("timestamp", (nowMs - (300 - seq) * 50L) / 1000.0));
            }
            Api.Answer answer = Api.post("/api/v1/pool/ingest", Telemetry.batchOf(node, samples, 50).toString());
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        }

        JsonObject alert = Api.eventually(() -> alertOf(node, "pool_flood"), found -> found.isPresent()
                        && !found.get().isNull("recommendation"))
                .orElseThrow(() -> new AssertionError("no pool_flood alert for " + node));
        assertThat(alert.getString("agent")).isEqualTo("analyst");
        assertThat(alert.getJsonObject("evidence").getJsonNumber("samples_last_minute").longValue()).isGreaterThan(240);
        assertThat(alert.getString("recommendation")).startsWith("Check node " + node + "'s telemetry settings");
    }

    @Test
    void f6_sideBlocksANodeRefusedBecomeADeepForkAlertWithWhatToDo() {
        String node = newNodeId("forked");
        String chain = "it-chain-" + System.nanoTime();
        JsonObject refused = Json.createObjectBuilder().add("blocks", 12).add("last_height", 940)
                .add("last_reason", "F6: a side block at height 940 is at or below height 1000").build();
        JsonObject alert = advisedAlertOf(node, chain, "refused_forks", refused);
        assertThat(alert.getString("kind")).isEqualTo("deep_fork");
        assertThat(alert.getString("agent")).isEqualTo("block-data-processor");
        assertThat(alert.getString("nodeId")).isEqualTo(node);
        assertThat(alert.getJsonObject("evidence").getJsonNumber("refused_blocks").longValue()).isEqualTo(12);
        assertThat(alert.getString("recommendation")).startsWith("Compare node " + node + "'s head on " + chain);

        Api.Answer bad = Api.post("/api/v1/pool/ingest", Telemetry.batchOf(node, Json.createArrayBuilder().add(
                Telemetry.sample(node, 2).add("refused_forks", Json.createObjectBuilder().add("blocks", -1))), 1).toString());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("refused_forks.blocks");
    }

    @Test
    void aDoubleSpendOfferedToTheServerIsCaughtByItsOwnTransactionAnalyzer() throws Exception {
        List<Transaction> doubleSpend = doubleSpend(fundedKey());
        String ownNode = Api.get("/api/v1/system/status").object().getString("nodeId");

        // The analyzer looks before the mempool decides: the mempool takes the first and refuses the second, and the
        // attempt counts. (An empty account's would not: P11.)
        List<Integer> answers = doubleSpend.stream().map(transaction -> Api.post("/api/v1/chains/testnet/transactions",
                TransactionJson.signed(transaction).toString()).status()).toList();
        assertThat(answers).containsExactly(202, 400);

        String sender = doubleSpend.get(0).senderAddress().hex();
        // The pool names chains as the nodes' telemetry does: by name.
        JsonObject alert = Api.eventually(() -> doubleSpendOf("testnet", sender), Optional::isPresent)
                .orElseThrow(() -> new AssertionError("no double_spend alert for sender " + sender));
        assertThat(alert.getString("agent")).isEqualTo("transaction-analyzer");
        assertThat(alert.getString("severity")).isEqualTo("critical");
        assertThat(alert.getJsonObject("evidence").getString("reported_by")).isEqualTo(ownNode);
        assertThat(alert.getJsonObject("evidence").getJsonArray("reasons").getString(0)).isEqualTo("nonce-conflict");
    }

    /** Sends the node's sample on the chain with the extension, and waits for the chain's first alert to have its recommendation. */
    private static JsonObject advisedAlertOf(String node, String chain, String extension, JsonObject value) {
        JsonObject sample = Telemetry.sample(node, 1).add("chain_id", chain).add("timestamp", System.currentTimeMillis() / 1000.0)
                .add(extension, value).build();
        Api.Answer sent = Api.post("/api/v1/pool/ingest", Telemetry.batchOf(node, Json.createArrayBuilder().add(sample), 1).toString());
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        return Api.eventually(() -> Api.get("/api/v1/alerts?chain=" + chain).object().getJsonArray("alerts"),
                        alerts -> !alerts.isEmpty() && !alerts.getJsonObject(0).isNull("recommendation"))
                .getValuesAs(JsonObject.class).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no alert on chain " + chain));
    }

    private static ChainParams testnet() throws Exception {
        return ChainParamsFile.read(Path.of("..", "config", "chains", "testnet.properties"));
    }

    /** Two transfers of the spender, at the minimum fee, spending its nonce 0 on two recipients. */
    private static List<Transaction> doubleSpend(Ed25519PrivateKey spender) throws Exception {
        ChainParams testnet = testnet();
        return List.of(
                Transaction.transfer(spender, testnet.chainId(), Ed25519PrivateKey.generate(new SecureRandom()).publicKey().address(),
                        500, testnet.minFee(), 0),
                Transaction.transfer(spender, testnet.chainId(), Ed25519PrivateKey.generate(new SecureRandom()).publicKey().address(),
                        500, testnet.minFee(), 0));
    }

    /** A new key the published development account paid 10,000 to, once a block holds the payment. */
    private static Ed25519PrivateKey fundedKey() throws Exception {
        ChainParams testnet = testnet();
        Ed25519PrivateKey dev = KeyFile.read(Path.of("..", "config", "chains", "testnet-dev.key"));
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
        long nonce = Api.get("/api/v1/chains/testnet/accounts/" + dev.publicKey().address().hex()).object()
                .getJsonNumber("nextNonce").longValue();
        Transaction pay = Transaction.transfer(dev, testnet.chainId(), key.publicKey().address(), 10_000, testnet.minFee(), nonce);
        Api.Answer paid = Api.post("/api/v1/chains/testnet/transactions", TransactionJson.signed(pay).toString());
        assertThat(paid.status()).as(paid.body()).isEqualTo(202);
        String account = "/api/v1/chains/testnet/accounts/" + key.publicKey().address().hex();
        long balance = Api.eventually(() -> Api.get(account).object().getJsonNumber("balance").longValue(), b -> b >= 10_000);
        assertThat(balance).as("the payment to the spender is in a block").isEqualTo(10_000);
        return key;
    }

    private static Optional<JsonObject> doubleSpendOf(String chainId, String sender) {
        return Api.get("/api/v1/alerts?state=all&chain=" + chainId).object().getJsonArray("alerts").getValuesAs(JsonObject.class)
                .stream().filter(a -> a.getString("kind").equals("double_spend"))
                .filter(a -> sender.equals(a.getJsonObject("evidence").getString("sender", null)))
                .findFirst();
    }

    @Test
    void aiProcessScoresSamplesAgainstTheNodesModelsAndThresholdsWithoutLearningThem() {
        String node = newNodeId("assessed");
        // The Pattern Recognizer judges nothing before its likelihood has seen 50 surprises of a stream.
        send(node, 1, 400, 40);
        String models = "/api/v1/agents/pattern-recognizer?node=" + node;
        Api.eventually(() -> Api.get(models).object(), a -> trained(a, "average_latency") == 400);
        JsonObject slow = Telemetry.sample(node, 401).add("timestamp", System.currentTimeMillis() / 1000.0)
                .add("network_metrics", Json.createObjectBuilder().add("peer_count", 5).add("average_latency", 180)
                        .add("bandwidth_usage", 10240).add("connection_quality", 0.95)).build();

        Api.Answer answer = Api.post("/api/v1/ai/process", aiRequest(node,
                Telemetry.batchOf(node, Json.createArrayBuilder().add(slow), 1)).toString());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonObject result = answer.object().getJsonObject("result");
        assertThat(result.getString("kind")).isEqualTo("samples");
        JsonObject sample = result.getJsonArray("samples").getJsonObject(0);
        assertThat(sample.getBoolean("anomalous")).isTrue();
        JsonObject latency = sample.getJsonArray("pattern-recognizer").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("metric").equals("average_latency")).findFirst().orElseThrow();
        assertThat(latency.getBoolean("anomalous")).isTrue();
        assertThat(latency.getJsonNumber("learnt_from").longValue()).isEqualTo(400);
        assertThat(latency.getJsonNumber("recent_level").doubleValue()).isEqualTo(40, org.assertj.core.api.Assertions.within(1.0));
        JsonObject threshold = sample.getJsonArray("thresholds").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("metric").equals("average_latency")).findFirst().orElseThrow();
        assertThat(threshold.getBoolean("above")).isTrue();
        assertThat(threshold.getString("recommendation")).isEqualTo("Pick peers under 50 ms");
        assertThat(latency.getJsonNumber("highest_before").doubleValue()).isLessThan(180);
        assertThat(result.getString("explanation")).contains("180 ms").contains("average_latency 180 where it has lately been 40")
                .contains("outside anything it had before");
        assertThat(trained(Api.get(models).object(), "average_latency")).as("scored, not learnt").isEqualTo(400);
        assertThat(latencyAlert(node)).as("nor raised as an alert").isEmpty();
    }

    @Test
    void aiProcessFindsADoubleSpendInATransactionSetAndDescribesABlock() throws Exception {
        ChainParams testnet = testnet();
        List<Transaction> doubleSpend = doubleSpend(Ed25519PrivateKey.generate(new SecureRandom()));
        Transaction pay = doubleSpend.get(0);
        Transaction again = doubleSpend.get(1);

        Api.Answer answer = Api.post("/api/v1/ai/process", aiRequest("client-1", Json.createObjectBuilder()
                .add("transactions", Json.createArrayBuilder().add(TransactionJson.signed(pay)).add(TransactionJson.signed(again)))
                .build()).toString());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonObject analyzer = answer.object().getJsonObject("result").getJsonObject("transaction-analyzer");
        List<JsonObject> scored = analyzer.getJsonArray("transactions").getValuesAs(JsonObject.class);
        assertThat(scored.get(0).getBoolean("anomalous")).isFalse();
        assertThat(scored.get(1).getBoolean("anomalous")).isTrue();
        assertThat(scored.get(1).getJsonArray("reasons").getString(0)).isEqualTo("nonce-conflict");
        assertThat(scored.get(1).getString("explanation")).contains(pay.id().toString());
        assertThat(analyzer.getJsonObject("learnt_from").containsKey(testnet.chainId())).as("read the chain's history first").isTrue();

        long height = Api.get("/api/v1/chains/testnet/head").object().getJsonNumber("height").longValue();
        JsonObject block = Api.get("/api/v1/chains/testnet/blocks/" + height).object();
        JsonObject described = Api.post("/api/v1/ai/process", aiRequest("client-1", block).toString()).object()
                .getJsonObject("result");
        assertThat(described.getString("kind")).isEqualTo("block");
        JsonObject figures = described.getJsonObject("block-data-processor");
        assertThat(figures.getJsonNumber("height").longValue()).isEqualTo(height);
        assertThat(figures.getJsonNumber("recent_blocks").longValue()).isEqualTo(Math.min(200, height));
        assertThat(figures.getJsonNumber("target_interval_ms").longValue()).isEqualTo(testnet.targetBlockTimeMs());
        long from = Math.max(0, height - 200);
        List<JsonObject> recent = new java.util.ArrayList<>();
        for (long start = from; start < height; start += 100) {
            Api.get("/api/v1/chains/testnet/blocks?from=" + start + "&limit=" + Math.min(100, height - start)).array()
                    .getValuesAs(JsonObject.class).forEach(recent::add);
        }
        double share = (double) recent.stream().filter(b -> b.getString("miner").equals(block.getString("miner"))).count()
                / recent.size();
        assertThat(figures.getJsonNumber("miner_share").doubleValue()).isEqualTo(share);
        assertThat(figures.getJsonArray("notes").toString().contains("one miner takes most blocks")).isEqualTo(share > 0.5);
    }

    @Test
    void aiProcessRefusesARequestItCannotReadAndSaysWhy() {
        Api.Answer wrong = Api.post("/api/v1/ai/process", "{\"type\":\"ai\",\"timestamp\":1763800000000,\"data\":{\"x\":1}}");

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.object().getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("field"))
                .containsExactly("type", "node_id", "timestamp", "data");
        assertThat(wrong.body()).contains("milliseconds are too large").contains("a sample batch (as POST /api/v1/pool/ingest takes it");

        JsonObject badSample = Telemetry.sample("n-1", 1).add("performance_metrics", Json.createObjectBuilder()
                .add("cpu_usage", 45).add("memory_usage", 0.5).add("uptime", 1)).build();
        Api.Answer percentage = Api.post("/api/v1/ai/process", aiRequest("n-1",
                Telemetry.batchOf("n-1", Json.createArrayBuilder().add(badSample), 1)).toString());
        assertThat(percentage.status()).isEqualTo(400);
        assertThat(percentage.object().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("data.data_batch[0].performance_metrics.cpu_usage");
    }

    @Test
    void theTwelveAgentsAreListedWithWhatTheyDidAndLearnt() {
        JsonObject answer = Api.eventually(() -> Api.get("/api/v1/agents").object(), agents -> agent(agents, "pattern-recognizer")
                .getJsonObject("state").getJsonObject("models").getInt("count") > 0);
        List<JsonObject> agents = answer.getJsonArray("agents").getValuesAs(JsonObject.class);
        assertThat(agents).hasSize(12);
        assertThat(agents).extracting(a -> a.getString("id")).contains("network-monitor", "decision-optimizer", "resonant");
        JsonObject pattern = agent(answer, "pattern-recognizer");
        assertThat(pattern.getJsonNumber("processed").longValue()).isPositive();
        assertThat(pattern.getJsonObject("state").getJsonObject("models").getJsonNumber("trainedValues").longValue()).isPositive();
        assertThat(Api.get("/api/v1/agents/Pattern%20Recognizer").object().getString("id")).isEqualTo("pattern-recognizer");
        assertThat(Api.get("/api/v1/insights?state=all").object().getJsonArray("insights")).isNotNull();
        Api.Answer noInsight = Api.get("/api/v1/insights/999999999");
        assertThat(noInsight.status()).isEqualTo(404);
        assertThat(noInsight.object().getString("detail")).isEqualTo("There is no insight 999999999; GET /api/v1/insights?state=all lists them");
        assertThat(Api.get("/api/v1/alerts?severity=fatal").object().getString("detail"))
                .isEqualTo("Query parameter 'severity': unknown severity 'fatal': use info, warning or critical");
        Api.Answer unknown = Api.get("/api/v1/agents/oracle");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.object().getString("detail")).contains("network-monitor");
    }

    @Test
    void aNodesModelsKeepTheirTrainingThroughARestartAndGoOnFromThere() throws Exception {
        String node = newNodeId("models");
        send(node, 1, 30, 40);
        String models = "/api/v1/agents/pattern-recognizer?node=" + node;
        JsonObject before = Api.eventually(() -> Api.get(models).object(), a -> trained(a, "average_latency") == 30);
        assertThat(trained(before, "average_latency")).isEqualTo(30);

        ServerControl.restart();

        JsonObject after = Api.get(models).object();
        assertThat(trained(after, "average_latency")).isEqualTo(30);
        assertThat(model(after, "average_latency").getInt("version"))
                .isEqualTo(model(before, "average_latency").getInt("version"));
        send(node, 31, 5, 40);
        JsonObject resumed = Api.eventually(() -> Api.get(models).object(), a -> trained(a, "average_latency") >= 35);
        assertThat(trained(resumed, "average_latency")).as("taken up where it stopped, not retrained").isEqualTo(35);
    }

    private static void send(String node, long firstSeq, int count, double latencyMs) {
        long nowMs = System.currentTimeMillis();
        JsonArrayBuilder samples = Json.createArrayBuilder();
        for (long seq = firstSeq; seq < firstSeq + count; seq++) {
            // Timed now, 5 s apart as a collector samples, the last one a moment ago.
            double timestamp = (nowMs - (firstSeq + count - 1 - seq) * 5_000L) / 1000.0;
            samples.add(Telemetry.sample(node, seq).add("timestamp", timestamp)
                    .add("network_metrics", Json.createObjectBuilder().add("peer_count", 5).add("average_latency", latencyMs)
                            .add("bandwidth_usage", 10240).add("connection_quality", 0.95)));
        }
        Api.Answer answer = Api.post("/api/v1/pool/ingest", Telemetry.batchOf(node, samples, count).toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    }

    private static JsonObject block(long height, String miner, long timestampMs) {
        return Json.createObjectBuilder().add("height", height).add("hash", "h" + height).add("miner", miner)
                .add("timestamp_ms", timestampMs).add("transactions", 3).add("volume", 300).add("fees", 3)
                .add("difficulty", 65536.0).add("interval_ms", 10_000).build();
    }

    private static void sendChainSample(String node, long seq, String chain, long height, double hashRate, JsonArrayBuilder blocks) {
        JsonObject sample = Telemetry.sample(node, seq).add("chain_id", chain).add("timestamp", System.currentTimeMillis() / 1000.0)
                .add("blockchain_metrics", Json.createObjectBuilder().add("current_height", height)
                        .add("blocks_processed_last_interval", 2).add("transaction_count", 6).add("mining_hash_rate", hashRate))
                .add("blocks", blocks).build();
        Api.Answer answer = Api.post("/api/v1/pool/ingest", Telemetry.batchOf(node, Json.createArrayBuilder().add(sample), 1).toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    }

    private static JsonObject aiRequest(String node, JsonObject data) {
        return Json.createObjectBuilder().add("type", "ai_processing").add("node_id", node)
                .add("timestamp", System.currentTimeMillis() / 1000.0).add("data", data).build();
    }

    private static Optional<JsonObject> latencyAlert(String node) {
        return alertOf(node, "high_latency");
    }

    private static Optional<JsonObject> alertOf(String node, String kind) {
        return Api.get("/api/v1/alerts?node=" + node).object().getJsonArray("alerts").getValuesAs(JsonObject.class).stream()
                .filter(alert -> alert.getString("kind").equals(kind))
                .findFirst();
    }

    private static JsonObject agent(JsonObject agents, String id) {
        return agents.getJsonArray("agents").getValuesAs(JsonObject.class).stream()
                .filter(agent -> agent.getString("id").equals(id)).findFirst().orElseThrow();
    }

    private static JsonObject model(JsonObject agent, String stream) {
        return agent.getJsonArray("models").getValuesAs(JsonObject.class).stream()
                .filter(model -> model.getString("stream").equals(stream)).findFirst().orElse(Json.createObjectBuilder()
                        .add("trainedCount", 0).add("version", 0).build());
    }

    private static long trained(JsonObject agent, String stream) {
        return model(agent, stream).getJsonNumber("trainedCount").longValue();
    }
}
