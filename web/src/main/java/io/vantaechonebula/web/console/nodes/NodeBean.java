package io.vantaechonebula.web.console.nodes;

import io.vantaechonebula.pool.api.AggregateView;
import io.vantaechonebula.pool.api.NodeHealthReport;
import io.vantaechonebula.pool.api.NodeIdentityOperations;
import io.vantaechonebula.pool.api.NodeRegistrationView;
import io.vantaechonebula.pool.api.NodeTelemetryOperations;
import io.vantaechonebula.pool.api.NodeView;
import io.vantaechonebula.pool.api.Resolution;
import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.web.console.ConsoleUser;
import io.vantaechonebula.web.console.LineChart;
import io.vantaechonebula.web.console.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A node's page: what the pool knows of it, its health score, what to do, its alerts, and one of its
 * metrics charted raw (its newest {@value #RAW_SAMPLES} samples), by the minute (six hours) or by the hour
 * (a week), one line per chain it reports.
 */
@Named
@ViewScoped
public class NodeBean implements Serializable {

    private static final long serialVersionUID = 1;
    static final int RAW_SAMPLES = 360;
    /** Enough of the newest samples to hold one of each chain a node reports (samples go out one per chain at a time). */
    private static final int SYNC_SAMPLES = 16;

    @EJB
    private NodeTelemetryOperations telemetry;

    @EJB
    private NodeIdentityOperations identity;

    @Inject
    private ConsoleUser user;

    private String id = "";
    private String metric = NodeMetric.CPU.id();
    private String resolution = "raw";
    private transient Optional<NodeView> node;
    private transient Optional<NodeHealthReport> health;

    public Optional<NodeView> getNode() {
        if (node == null) {
            node = id.isEmpty() || id.length() > 128 ? Optional.empty() : telemetry.node(id);
        }
        return node;
    }

    public Optional<NodeHealthReport> getHealth() {
        if (health == null) {
            health = getNode().isEmpty() ? Optional.empty() : telemetry.health(id);
        }
        return health;
    }

    /** The key the node registered, if it did. */
    public Optional<NodeRegistrationView> getRegistration() {
        return id.isEmpty() || id.length() > 128 ? Optional.empty() : identity.registration(id);
    }

    /** An admin revokes the node's key: nothing more is taken from it until a key is bound again (audited). */
    public void revokeKey() {
        user.requireAdmin();
        try {
            identity.revoke(id, user.actor());
            Messages.info("Revoked the key of node " + id + ": nothing more is taken from it, signed or not, until an admin"
                    + " binds a key again (PUT /api/v1/nodes/registrations/" + id + "/key).");
        } catch (NodeIdentityOperations.NoSuchRegistrationException e) {
            Messages.error("Node " + id + " has registered no key; there is nothing to revoke.");
        }
    }

    /**
     * Each chain's sync status as the node's newest sample of it tells: syncing and how far behind its best peer,
     * in step, or not reported (the seeds' nodes, and nodes that do not sync from peers, send none).
     */
    public List<String> getSync() {
        Map<String, SampleView> newestByChain = new TreeMap<>();
        for (SampleView sample : telemetry.newestSamples(id, SYNC_SAMPLES).orElse(List.of())) {
            newestByChain.putIfAbsent(sample.chainId(), sample);
        }
        return newestByChain.values().stream().map(sample -> sample.chainId() + ": " + (sample.syncing() == null ? "not reported"
                : sample.syncing() ? "syncing, " + sample.blocksBehind() + " blocks behind its best peer"
                : sample.blocksBehind() == 0 ? "in step with its peers"
                : sample.blocksBehind() + " blocks behind its best peer, not syncing")).toList();
    }

    /** Read again at each live update. */
    public void refresh() {
        node = null;
        health = null;
    }

    public List<NodeMetric> getMetrics() {
        return Arrays.asList(NodeMetric.values());
    }

    public String getChart() {
        NodeMetric chosen = NodeMetric.of(metric);
        long now = System.currentTimeMillis();
        Map<Long, Map<String, Double>> points = new TreeMap<>();
        TreeSet<String> chains = new TreeSet<>();
        String timePattern = "HH:mm";
        if ("raw".equals(resolution)) {
            timePattern = "HH:mm:ss";
            for (SampleView sample : telemetry.newestSamples(id, RAW_SAMPLES).orElse(List.of())) {
                Double value = chosen.of(sample);
                if (value != null) {
                    chains.add(sample.chainId());
                    points.computeIfAbsent(sample.timestampMillis(), at -> new TreeMap<>()).put(sample.chainId(), value);
                }
            }
        } else {
            Resolution asked = "hour".equals(resolution) ? Resolution.HOUR : Resolution.MINUTE;
            long span = asked == Resolution.HOUR ? 7 * 86_400_000L : 6 * 3_600_000L;
            timePattern = asked == Resolution.HOUR ? "MM-dd HH:mm" : "HH:mm";
            for (AggregateView bucket : telemetry.aggregates(id, asked, now - span, now).orElse(List.of())) {
                if (bucket.metric().equals(chosen.id())) {
                    chains.add(bucket.chainId());
                    points.computeIfAbsent(bucket.bucketStartMs(), at -> new TreeMap<>()).put(bucket.chainId(), bucket.mean());
                }
            }
        }
        LineChart chart = new LineChart(chosen.label() + ("raw".equals(resolution) ? "" : ", mean"), timePattern);
        chains.forEach(chart::series);
        List<String> order = new ArrayList<>(chains);
        points.forEach((at, byChain) -> chart.point(at, order.stream().map(byChain::get).toArray(Double[]::new)));
        return chart.isEmpty() ? "" : chart.json();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id == null ? "" : id.strip();
        refresh();
    }

    public String getMetric() {
        return metric;
    }

    public void setMetric(String metric) {
        this.metric = NodeMetric.of(metric).id();
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = "minute".equals(resolution) || "hour".equals(resolution) ? resolution : "raw";
    }
}
