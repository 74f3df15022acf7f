package io.vantaechonebula.pool.agent.networkmonitor;

import io.vantaechonebula.analysis.stats.SeriesStatistic;
import io.vantaechonebula.pool.agent.resonant.Baselines;
import io.vantaechonebula.pool.agent.resonant.ResourceRule.Baseline;
import io.vantaechonebula.pool.agent.resonant.ResourceRule;
import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.Json;
import io.vantaechonebula.pool.stage.SampleProcessor;
import io.vantaechonebula.pool.stage.Statistics;
import io.vantaechonebula.pool.stage.Subjects;
import io.vantaechonebula.pool.store.StoredSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Network Monitor's stage: per node, its latency, peers and how often its payloads arrive (which
 * {@link SilenceWatch} needs to tell a silent node), and how bandwidth moves with transactions and
 * latency with peers (running correlations); per chain, how far apart the nodes' heights are. It
 * alerts on a node above its latency threshold ({@link ResourceRule#LATENCY}), one that lost all its peers, one more
 * than {@value #BEHIND_BLOCKS} blocks behind the highest, and one losing more than half its sends. Its result counts
 * each node's samples per minute of their timestamps, which the Analyst learns a node's usual sending from.
 */
public final class NetworkMonitor implements SampleProcessor<NetworkResult> {

    public static final String NAME = "network-monitor";
    static final long BEHIND_BLOCKS = 6;
    static final double POOR_CONNECTION = 0.5;
    public static final String ARRIVAL_GAP = "arrival_gap_ms";
    private static final long MINUTE_MS = 60_000;

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The highest height on a chain: of the nodes whose samples came signed when there are any, so
     * that an unverified sender claiming a huge height makes no honest node "behind".
     */
    static long tip(java.util.Collection<SampleView> newest) {
        boolean anyVerified = newest.stream().anyMatch(SampleView::verified);
        return newest.stream().filter(sample -> sample.verified() || !anyVerified)
                .mapToLong(SampleView::currentHeight).max().orElse(0);
    }

    @Override
    public NetworkResult process(List<StoredSample> samples, Statistics statistics) {
        // The newest sample of each node per chain in this batch.
        Map<String, Map<String, SampleView>> newestPerChain = new TreeMap<>();
        Map<String, SampleView> newestPerNode = new TreeMap<>();
        Map<String, Map<Long, Long>> samplesByMinute = new HashMap<>();
        for (StoredSample stored : samples) {
            SampleView sample = stored.sample();
            samplesByMinute.computeIfAbsent(sample.nodeId(), id -> new TreeMap<>())
                    .merge(sample.timestampMillis() / MINUTE_MS * MINUTE_MS, 1L, Long::sum);
            String node = Subjects.node(sample.nodeId());
            long at = sample.timestampMillis();
            learnArrival(statistics, node, sample.receivedAtMs());
            if (sample.transactionCount() != null && sample.bandwidthUsage() != null) {
                statistics.pair(node, "bandwidth_usage~transaction_count").add(sample.transactionCount(), sample.bandwidthUsage());
            }
            if (sample.peerCount() != null && sample.averageLatencyMs() != null) {
                statistics.pair(node, "average_latency~peer_count").add(sample.peerCount(), sample.averageLatencyMs());
            }
            if (sample.averageLatencyMs() != null) {
                SeriesStatistic latency = statistics.series(node, "average_latency");
                Baseline usual = Baselines.of(latency);
                if (ResourceRule.LATENCY.broken(sample.averageLatencyMs(), usual)) {
                    statistics.report(ResourceRule.LATENCY.alert(NAME, sample.nodeId(), sample.averageLatencyMs(), usual, at)
                            .withEvidence("peer_count", sample.peerCount()).about(sample));
                }
                latency.add(sample.averageLatencyMs(), at);
            }
            if (sample.peerCount() != null) {
                SeriesStatistic peers = statistics.series(node, "peer_count");
                if (sample.peerCount() == 0 && peers.count() > 0 && peers.max() > 0) {
                    statistics.report(FindingReport.alert(NAME, "isolated", Severity.WARNING, sample.nodeId(), null,
                            "Node " + sample.nodeId() + " has no peers left (it had up to " + (long) peers.max() + ")",
                            Json.object("peer_count", 0, "most_peers_seen", peers.max()), at).about(sample));
                }
                peers.add(sample.peerCount(), at);
            }
            newestPerNode.merge(sample.nodeId(), sample, NetworkMonitor::newer);
            if (sample.currentHeight() != null) {
                newestPerChain.computeIfAbsent(sample.chainId(), id -> new HashMap<>()).merge(sample.nodeId(), sample, NetworkMonitor::newer);
            }
        }
        List<NetworkResult.NodeFinding> findings = new ArrayList<>();
        Map<String, NetworkResult.ChainSpread> chains = new TreeMap<>();
        newestPerChain.forEach((chainId, newest) -> {
            long tip = tip(newest.values());
            long bottom = newest.values().stream().mapToLong(SampleView::currentHeight).min().orElse(0);
            long at = newest.values().stream().mapToLong(SampleView::timestampMillis).max().orElse(0);
            statistics.series(Subjects.chain(chainId), "height_spread").add(tip - bottom, at);
            chains.put(chainId, new NetworkResult.ChainSpread(newest.size(), tip - bottom));
            newest.values().stream().sorted((a, b) -> a.nodeId().compareTo(b.nodeId())).forEach(sample -> {
                long behind = tip - sample.currentHeight();
                if (behind > BEHIND_BLOCKS) {
                    String detail = behind + " blocks behind the highest node on " + chainId;
                    findings.add(new NetworkResult.NodeFinding(sample.nodeId(), sample.chainId(), "behind", detail));
                    statistics.report(FindingReport.alert(NAME, "behind", Severity.WARNING, sample.nodeId(), chainId,
                            "Node " + sample.nodeId() + " is " + detail,
                            Json.object("height", sample.currentHeight(), "highest", tip, "blocks_behind", behind),
                            sample.timestampMillis()).about(sample));
                }
            });
        });
        Map<String, NetworkResult.NodeSummary> nodes = new TreeMap<>();
        newestPerNode.forEach((nodeId, sample) -> {
            if (sample.connectionQuality() != null && sample.connectionQuality() < POOR_CONNECTION) {
                String detail = "only " + Math.round(sample.connectionQuality() * 100) + "% of its recent sends reached the pool";
                findings.add(new NetworkResult.NodeFinding(nodeId, sample.chainId(), "poor_connection", detail));
                statistics.report(FindingReport.alert(NAME, "poor_connection", Severity.WARNING, nodeId, null,
                        "Node " + nodeId + ": " + detail, Json.object("connection_quality", sample.connectionQuality()),
                        sample.timestampMillis()).about(sample));
            }
            nodes.put(nodeId, new NetworkResult.NodeSummary(sample.timestamp(), sample.averageLatencyMs(), sample.peerCount(),
                    sample.cpuUsage(), sample.memoryUsage(), sample.connectionQuality(), samplesByMinute.get(nodeId)));
        });
        return new NetworkResult(chains, nodes, findings);
    }

    /** The gap between this payload's arrival and the node's previous one, learnt once per payload. */
    private static void learnArrival(Statistics statistics, String node, long receivedAtMs) {
        SeriesStatistic arrivals = statistics.series(node, "arrival_ms");
        if (arrivals.count() > 0 && receivedAtMs <= arrivals.last()) {
            return;
        }
        if (arrivals.count() > 0) {
            statistics.series(node, ARRIVAL_GAP).add(receivedAtMs - arrivals.last(), receivedAtMs);
        }
        arrivals.add(receivedAtMs, receivedAtMs);
    }

    private static SampleView newer(SampleView a, SampleView b) {
        return b.timestamp().compareTo(a.timestamp()) >= 0 ? b : a;
    }
}
