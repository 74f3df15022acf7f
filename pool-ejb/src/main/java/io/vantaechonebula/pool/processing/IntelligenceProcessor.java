package io.vantaechonebula.pool.processing;

import io.vantaechonebula.pool.store.SampleView;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts metrics side by side. Per node: how its bandwidth moves with the transactions it sees, and
 * its latency with its number of peers (running correlations). Across nodes, per chain: how far apart the nodes' heights are, and
 * which nodes stand out: behind the others by more than {@value #BEHIND_BLOCKS} blocks, or losing
 * more than half their sends to the pool.
 */
public final class IntelligenceProcessor implements SampleProcessor {

    public static final String NAME = "intelligence";
    static final long BEHIND_BLOCKS = 6;
    static final double POOR_CONNECTION = 0.5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JsonObject process(List<SampleView> samples, Statistics statistics) {
        // The newest sample of each node per chain in this batch.
        Map<String, Map<String, SampleView>> newestPerChain = new TreeMap<>();
        for (SampleView sample : samples) {
            String node = Subjects.node(sample.nodeId());
            if (sample.transactionCount() != null && sample.bandwidthUsage() != null) {
                statistics.pair(node, "bandwidth_usage~transaction_count").add(sample.transactionCount(), sample.bandwidthUsage());
            }
            if (sample.peerCount() != null && sample.averageLatencyMs() != null) {
                statistics.pair(node, "average_latency~peer_count").add(sample.peerCount(), sample.averageLatencyMs());
            }
            if (sample.currentHeight() != null) {
                newestPerChain.computeIfAbsent(sample.chainId(), id -> new HashMap<>())
                        .merge(sample.nodeId(), sample, (a, b) -> b.timestamp().compareTo(a.timestamp()) >= 0 ? b : a);
            }
        }
        JsonArrayBuilder findings = Json.PROVIDER.createArrayBuilder();
        JsonObjectBuilder chains = Json.PROVIDER.createObjectBuilder();
        newestPerChain.forEach((chainId, newest) -> {
            long tip = newest.values().stream().mapToLong(SampleView::currentHeight).max().orElse(0);
            long bottom = newest.values().stream().mapToLong(SampleView::currentHeight).min().orElse(0);
            long at = newest.values().stream().mapToLong(s -> s.timestamp().movePointRight(3).longValue()).max().orElse(0);
            statistics.series(Subjects.chain(chainId), "height_spread").add(tip - bottom, at);
            chains.add(chainId, Json.PROVIDER.createObjectBuilder().add("nodes", newest.size()).add("height_spread", tip - bottom));
            newest.values().stream().sorted((a, b) -> a.nodeId().compareTo(b.nodeId())).forEach(sample -> {
                long behind = tip - sample.currentHeight();
                if (behind > BEHIND_BLOCKS) {
                    findings.add(finding(sample, "behind", behind + " blocks behind the highest node on " + chainId));
                }
                if (sample.connectionQuality() != null && sample.connectionQuality() < POOR_CONNECTION) {
                    findings.add(finding(sample, "poor_connection", "only " + Math.round(sample.connectionQuality() * 100)
                            + "% of its recent sends reached the pool"));
                }
            });
        });
        return Json.PROVIDER.createObjectBuilder().add("chains", chains).add("findings", findings).build();
    }

    private static JsonObjectBuilder finding(SampleView sample, String kind, String detail) {
        return Json.PROVIDER.createObjectBuilder()
                .add("node_id", sample.nodeId())
                .add("chain_id", sample.chainId())
                .add("kind", kind)
                .add("detail", detail);
    }
}
