package io.vantaechonebula.pool.agent.networkmonitor;

import io.vantaechonebula.pool.stage.Json;
import io.vantaechonebula.pool.stage.StageResult;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Network Monitor found in one run: per chain how far apart the nodes' heights are, per node its
 * newest sample's figures and how many samples it sent per minute of their timestamps (which the Analyst
 * learns a node's usual sending from), and the nodes behind or badly connected.
 */
public record NetworkResult(Map<String, ChainSpread> chains, Map<String, NodeSummary> nodes, List<NodeFinding> findings)
        implements StageResult {

    public NetworkResult {
        chains = new TreeMap<>(chains);
        nodes = new TreeMap<>(nodes);
        findings = List.copyOf(findings);
    }

    /** @param nodes how many nodes reported a height on the chain in the run */
    public record ChainSpread(int nodes, long heightSpread) {
    }

    /**
     * A node's newest sample in the run, its figures null where the sample did not carry them.
     *
     * @param timestamp        epoch seconds as the node sent it
     * @param samplesByMinute  how many samples it sent per minute, by the minute's start (epoch ms)
     */
    public record NodeSummary(BigDecimal timestamp, Double averageLatency, Long peerCount, Double cpuUsage,
                              Double memoryUsage, Double connectionQuality, Map<Long, Long> samplesByMinute) {

        public NodeSummary {
            samplesByMinute = new TreeMap<>(samplesByMinute);
        }
    }

    /** A node behind the others or losing its sends, in a line. */
    public record NodeFinding(String nodeId, String chainId, String kind, String detail) {
    }

    @Override
    public JsonObject json() {
        JsonObjectBuilder chainsJson = Json.PROVIDER.createObjectBuilder();
        chains.forEach((id, chain) ->
                chainsJson.add(id, Json.object("nodes", chain.nodes(), "height_spread", chain.heightSpread())));
        JsonObjectBuilder nodesJson = Json.PROVIDER.createObjectBuilder();
        nodes.forEach((id, node) -> {
            JsonObjectBuilder summary = Json.PROVIDER.createObjectBuilder().add("timestamp", node.timestamp());
            Json.addIfPresent(summary, "average_latency", node.averageLatency());
            Json.addIfPresent(summary, "peer_count", node.peerCount());
            Json.addIfPresent(summary, "cpu_usage", node.cpuUsage());
            Json.addIfPresent(summary, "memory_usage", node.memoryUsage());
            Json.addIfPresent(summary, "connection_quality", node.connectionQuality());
            JsonObjectBuilder minutes = Json.PROVIDER.createObjectBuilder();
            node.samplesByMinute().forEach((minute, count) -> minutes.add(String.valueOf(minute), count));
            nodesJson.add(id, summary.add("samples_by_minute", minutes));
        });
        JsonArrayBuilder findingsJson = Json.PROVIDER.createArrayBuilder();
        findings.forEach(finding -> findingsJson.add(Json.object("node_id", finding.nodeId(), "chain_id", finding.chainId(),
                "kind", finding.kind(), "detail", finding.detail())));
        return Json.PROVIDER.createObjectBuilder().add("chains", chainsJson).add("nodes", nodesJson).add("findings", findingsJson)
                .build();
    }

    /** The result from its JSON form, as the Training queue carries it. */
    public static NetworkResult of(JsonObject json) {
        Map<String, ChainSpread> chains = new TreeMap<>();
        json.getJsonObject("chains").forEach((id, value) -> chains.put(id, new ChainSpread(
                value.asJsonObject().getInt("nodes"), value.asJsonObject().getJsonNumber("height_spread").longValue())));
        Map<String, NodeSummary> nodes = new TreeMap<>();
        json.getJsonObject("nodes").forEach((id, value) -> {
            JsonObject node = value.asJsonObject();
            Map<Long, Long> minutes = new TreeMap<>();
            node.getJsonObject("samples_by_minute").forEach((minute, count) ->
                    minutes.put(Long.parseLong(minute), ((JsonNumber) count).longValue()));
            nodes.put(id, new NodeSummary(node.getJsonNumber("timestamp").bigDecimalValue(), decimal(node, "average_latency"),
                    node.get("peer_count") instanceof JsonNumber peers ? peers.longValue() : null, decimal(node, "cpu_usage"),
                    decimal(node, "memory_usage"), decimal(node, "connection_quality"), minutes));
        });
        List<NodeFinding> findings = json.getJsonArray("findings").stream().map(value -> value.asJsonObject())
                .map(f -> new NodeFinding(f.getString("node_id"), f.getString("chain_id"), f.getString("kind"),
                        f.getString("detail")))
                .toList();
        return new NetworkResult(chains, nodes, findings);
    }

    private static Double decimal(JsonObject node, String name) {
        return node.get(name) instanceof JsonNumber number ? number.doubleValue() : null;
    }
}
