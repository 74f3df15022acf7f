package io.vantaechonebula.web.console.alerts;

import io.vantaechonebula.pool.api.FindingFilter;
import io.vantaechonebula.pool.api.FindingOperations;
import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.FindingView;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** One page of findings at a time, newest seen first, as the page's filter selects them; the database pages and counts. */
class FindingsModel extends LazyDataModel<FindingView> {

    private final transient FindingOperations findings;
    private final Supplier<FindingFilter> filter;

    FindingsModel(FindingOperations findings, Supplier<FindingFilter> filter) {
        this.findings = findings;
        this.filter = filter;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, findings.count(filter.get()));
    }

    @Override
    public List<FindingView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        FindingFilter asked = filter.get();
        return findings.find(new FindingFilter(asked.type(), asked.state(), asked.nodeId(), asked.chainId(),
                asked.leastSeverity(), asked.kind(), first, pageSize));
    }

    @Override
    public String getRowKey(FindingView finding) {
        return String.valueOf(finding.id());
    }

    @Override
    public FindingView getRowData(String rowKey) {
        FindingType type = filter.get().type();
        try {
            return findings.get(type, Long.parseLong(rowKey)).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
