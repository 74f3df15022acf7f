package io.vantaechonebula.pool.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/** The nodes the pool heard from, their samples, their metrics over time and their health. Empty: no such node. */
@Local
public interface NodeTelemetryOperations {

    /** A page of the nodes, by id. */
    List<NodeView> nodes(int offset, int limit);

    long nodeCount();

    /** The nodes a query selects, each with its status, open alerts and health score. */
    List<NodeRow> nodeRows(NodeQuery query);

    /** How many nodes a query selects, whatever its page. */
    long count(NodeQuery query);

    /** How many nodes are up, silent and down now, and how many alerts and insights are open. */
    NetworkCounts counts();

    Optional<NodeView> node(String nodeId);

    /** Newest first. */
    Optional<List<SampleView>> newestSamples(String nodeId, int limit);

    /** Oldest first, at most {@code limit}. */
    Optional<List<SampleView>> samplesBetween(String nodeId, long fromMs, long toMs, int limit);

    Optional<List<AggregateView>> aggregates(String nodeId, Resolution resolution, long fromMs, long toMs);

    Optional<NodeHealthReport> health(String nodeId);
}
