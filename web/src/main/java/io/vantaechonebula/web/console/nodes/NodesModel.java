package io.vantaechonebula.web.console.nodes;

import io.vantaechonebula.pool.api.NodeQuery;
import io.vantaechonebula.pool.api.NodeRow;
import io.vantaechonebula.pool.api.NodeTelemetryOperations;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** One page of nodes at a time, as the page's filter selects them and in the column's order the operator clicked. */
class NodesModel extends LazyDataModel<NodeRow> {

    private final transient NodeTelemetryOperations telemetry;
    private final Supplier<NodeQuery> query;

    NodesModel(NodeTelemetryOperations telemetry, Supplier<NodeQuery> query) {
        this.telemetry = telemetry;
        this.query = query;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, telemetry.count(query.get()));
    }

    @Override
    public List<NodeRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        NodeQuery asked = query.get();
        NodeQuery.Order order = NodeQuery.Order.ID;
        boolean ascending = true;
        for (SortMeta sort : sortBy.values()) {
            if (sort.getOrder() == SortOrder.UNSORTED) {
                continue;
            }
            try {
                order = NodeQuery.Order.of(sort.getField());
                ascending = sort.getOrder() == SortOrder.ASCENDING;
            } catch (IllegalArgumentException e) {
                // a column the database cannot order by keeps the order by id
            }
            break;
        }
        return telemetry.nodeRows(new NodeQuery(asked.idPrefix(), asked.nodeType(), asked.chainId(), asked.verified(), order,
                ascending, first, pageSize));
    }

    @Override
    public String getRowKey(NodeRow row) {
        return row.node().nodeId();
    }

    @Override
    public NodeRow getRowData(String rowKey) {
        return null;
    }
}
