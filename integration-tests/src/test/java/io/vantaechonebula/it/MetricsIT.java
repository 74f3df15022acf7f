package io.vantaechonebula.it;

import static io.vantaechonebula.it.Telemetry.batch;
import static io.vantaechonebula.it.Telemetry.newNodeId;
import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.KeyFile;
import io.vantaechonebula.chain.json.TransactionJson;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.params.ChainParamsFile;
import io.vantaechonebula.chain.tx.Transaction;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /metrics} as Prometheus and promtool read it, and as the shipped board and alert rules use it (docs/metrics.md). */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    private static final Pattern METRIC = Pattern.compile("\\b(vanta_[a-z0-9_]+)");
    private static final String TESTNET_REFUSED_FOR_BALANCE =
            "vanta_mempool_refused_total{chain=\"testnet\",reason=\"insufficient_balance\"}";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return VantaEar.asBuilt();
    }

    @Test
    void everyCategoryIsThereWithItsHelpAndPromtoolHasNothingToSayAboutOurs() throws Exception {
        String text = Metrics.text();

        for (String family : List.of("vanta_chain_height", "vanta_chain_difficulty", "vanta_chain_hash_rate_hashes_per_second",
                "vanta_chain_block_time_seconds", "vanta_chain_reorgs_total", "vanta_chain_last_reorg_depth_blocks",
                "vanta_chain_final_height", "vanta_chain_finality_lag_blocks", "vanta_mempool_transactions",
                "vanta_mempool_accepted_total", "vanta_mempool_refused_total", "vanta_p2p_peers", "vanta_p2p_bans_total",
                "vanta_p2p_sent_bytes_total", "vanta_p2p_sync_behind_blocks", "vanta_pool_queue_messages",
                "vanta_pool_samples_stored_total", "vanta_pool_stage_lag_seconds", "vanta_pool_stage_failures_total",
                "vanta_pool_dead_letters_total", "vanta_pool_dead_batches_total", "vanta_agents_run_duration_seconds",
                "vanta_agents_models", "vanta_agents_findings_open", "vanta_node_nodes", "vanta_node_verified_nodes",
                "vanta_node_unverified_nodes")) {
            assertThat(text).as(family + " with its help").containsPattern("(?m)^# HELP " + Pattern.quote(family) + " \\S");
        }
        assertThat(text).contains("vanta_chain_height{chain=\"testnet\"}", "vanta_chain_height{chain=\"mainnet\"}",
                "vanta_p2p_peers{state=\"connected\"}", "vanta_pool_queue_messages{queue=\"NodeData\"}",
                "vanta_agents_findings_open{severity=\"critical\",type=\"alert\"}");

        String said = promtoolCheckMetrics(text);
        assertThat(said.lines().filter(line -> line.contains("vanta_")).toList()).as("promtool on our families").isEmpty();
    }

    @Test
    void theChainAndMempoolFiguresFollowWhatTheNodeDoes() throws Exception {
        ChainParams testnet = ChainParamsFile.bundled("testnet", MetricsIT.class.getClassLoader());
        long height = Api.get("/api/v1/chains/testnet/head").object().getJsonNumber("height").longValue();
        double refusedBefore = Metrics.value(TESTNET_REFUSED_FOR_BALANCE);
        double acceptedBefore = Metrics.value("vanta_mempool_accepted_total{chain=\"testnet\"}");
        Ed25519PrivateKey penniless = Ed25519PrivateKey.generate(new SecureRandom());
        Transaction unpaid = Transaction.transfer(penniless, testnet.chainId(), penniless.publicKey().address(), 500,
                testnet.minFee(), 0);
        Ed25519PrivateKey dev = KeyFile.read(Path.of("..", "config", "chains", "testnet-dev.key"));
        long nonce = Api.get("/api/v1/chains/testnet/accounts/" + dev.publicKey().address().hex()).object()
                .getJsonNumber("nextNonce").longValue();
        Transaction paid = Transaction.transfer(dev, testnet.chainId(), penniless.publicKey().address(), 10_000,
                testnet.minFee(), nonce);

        Api.Answer refused = Api.post("/api/v1/chains/testnet/transactions", TransactionJson.signed(unpaid).toString());
        Api.Answer accepted = Api.post("/api/v1/chains/testnet/transactions", TransactionJson.signed(paid).toString());

        assertThat(refused.status()).as(refused.body()).isBetween(400, 499);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        // The figures read at a scrape serve every scrape for a second.
        assertThat(Api.eventually(() -> Metrics.value(TESTNET_REFUSED_FOR_BALANCE), value -> value > refusedBefore))
                .isEqualTo(refusedBefore + 1);
        assertThat(Api.eventually(() -> Metrics.value("vanta_mempool_accepted_total{chain=\"testnet\"}"), value -> value > acceptedBefore))
                .isGreaterThanOrEqualTo(acceptedBefore + 1);
        assertThat(Api.eventually(() -> Metrics.value("vanta_chain_height{chain=\"testnet\"}"), value -> value >= height))
                .isGreaterThanOrEqualTo(height);
        assertThat(Metrics.value("vanta_chain_target_block_time_seconds{chain=\"testnet\"}"))
                .isEqualTo(testnet.targetBlockTimeMs() / 1000.0);
    }

    @Test
    void aNodeThatReportsIsCountedUpAndUnverified() {
        String node = newNodeId("metrics-node");
        assertThat(Api.post("/api/v1/pool/ingest", batch(node, 1, 2).toString()).status()).isEqualTo(202);
        Api.nodeWithSamples(node, 2).orElseThrow();

        // The counts are one shared reading, at most 5 s old.
        double unverified = Api.eventually(() -> Metrics.value("vanta_node_unverified_nodes"), value -> value >= 1);
        assertThat(unverified).isGreaterThanOrEqualTo(1);
        assertThat(Metrics.value("vanta_node_nodes{state=\"up\"}") + Metrics.value("vanta_node_nodes{state=\"silent\"}"))
                .isGreaterThanOrEqualTo(unverified);
    }

    @Test
    void theServersOwnTelemetryCarriesEachChainsSyncStatus() {
        String server = Api.get("/api/v1/system/status").object().getString("nodeId");

        JsonArray newest = Api.eventually(() -> Api.get("/api/v1/nodes/" + server + "/samples?limit=4"),
                answer -> answer.status() == 200 && answer.array().size() >= 2, Duration.ofMinutes(2)).array();

        assertThat(newest.getValuesAs(JsonObject.class)).as("the server's samples, " + newest).isNotEmpty().allSatisfy(sample -> {
            JsonObject sync = sample.getJsonObject("blockchain_metrics").getJsonObject("sync_status");
            assertThat(sync).as("sync_status of " + sample).isNotNull();
            assertThat(sync.get("syncing")).isIn(jakarta.json.JsonValue.TRUE, jakarta.json.JsonValue.FALSE);
            assertThat(sync.getJsonNumber("blocks_behind").longValueExact()).isNotNegative();
        });
    }

    @Test
    void theGrafanaBoardAndTheAlertRulesReadOnlyMetricsTheServerExports() throws IOException {
        // Something stored in the last minute, so that the send-to-store delay has a value.
        String node = newNodeId("metrics-board");
        assertThat(Api.post("/api/v1/pool/ingest", batch(node, 1, 2).toString()).status()).isEqualTo(202);
        Api.nodeWithSamples(node, 2).orElseThrow();
        Api.eventually(Metrics::text, text -> text.contains("\nvanta_pool_store_delay_p99_seconds "));
        Set<String> exported = Arrays.stream(Metrics.text().split("\n")).filter(line -> line.startsWith("vanta_"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));

        Set<String> read = namesIn(Files.readString(Path.of("..", "deploy", "grafana", "vanta-network.json")));
        read.addAll(namesIn(Files.readString(Path.of("..", "deploy", "prometheus", "vanta-alerts.yml"))));

        assertThat(read).hasSizeGreaterThan(30);
        assertThat(exported).as("what the board and the rules read").containsAll(read);
    }

    private static Set<String> namesIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** What {@code promtool check metrics} says of this text (Debian's prometheus package; .ci/run installs it). */
    private static String promtoolCheckMetrics(String text) throws Exception {
        Process promtool;
        try {
            promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool is not on the PATH: install Debian's prometheus package, as .ci/run does", e);
        }
        try (var in = promtool.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).as("promtool ended").isTrue();
        return said;
    }
}
