package io.vantaechonebula.web.console.alerts;

import io.vantaechonebula.pool.api.FindingFilter;
import io.vantaechonebula.pool.api.FindingOperations;
import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.FindingView;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.web.console.ConsoleUser;
import io.vantaechonebula.web.console.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.primefaces.event.ToggleEvent;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.Visibility;

/**
 * The Alerts page: which findings to list (type, state, least severity, node, kind), the page of them,
 * and acknowledging one or the selected ones with a comment (operators and admins; checked here too).
 */
@Named
@ViewScoped
public class AlertsBean implements Serializable {

    private static final long serialVersionUID = 1;
    private static final int MAX_FILTER_LENGTH = 128;
    private static final int MAX_EXPANDED = 100;

    @EJB
    private FindingOperations findings;

    @Inject
    private ConsoleUser user;

    private String type = "alert";
    private String state = "open";
    private String severity = "info";
    private String node = "";
    private String kind = "";
    private String comment = "";
    private List<FindingView> selected = new ArrayList<>();
    /** The rows whose evidence is open, kept here so the table's live update leaves them open. */
    private final Set<Long> expanded = new LinkedHashSet<>();
    private transient LazyDataModel<FindingView> model;

    @PostConstruct
    void init() {
        model = new FindingsModel(findings, this::filter);
    }

    FindingFilter filter() {
        return new FindingFilter(FindingType.valueOf(type.toUpperCase(Locale.ROOT)), FindingFilter.State.of(state),
                blankToNull(node), null, Severity.of(severity), blankToNull(kind), 0, 1);
    }

    public void acknowledge(FindingView finding) {
        user.requireOperator();
        acknowledgeAll(List.of(finding.id()));
    }

    public void acknowledgeSelected() {
        user.requireOperator();
        if (selected == null || selected.isEmpty()) {
            Messages.warn("Select the alerts to acknowledge first (the boxes in the first column).");
            return;
        }
        acknowledgeAll(selected.stream().map(FindingView::id).toList());
        selected = new ArrayList<>();
    }

    private void acknowledgeAll(List<Long> ids) {
        if (comment != null && comment.strip().length() > FindingView.MAX_COMMENT) {
            Messages.error("A comment is at most " + FindingView.MAX_COMMENT + " characters; nothing was acknowledged.");
            return;
        }
        FindingType findingType = filter().type();
        List<FindingView> done = findings.acknowledgeAll(findingType, ids, user.actor(),
                comment);
        Messages.info("Acknowledged " + done.size() + " " + findingType.id() + (done.size() == 1 ? "" : "s")
                + (done.size() < ids.size() ? "; " + (ids.size() - done.size()) + " no longer exist" : "") + ".");
        comment = "";
    }

    public void toggled(ToggleEvent event) {
        if (!(event.getData() instanceof FindingView finding)) {
            return;
        }
        if (event.getVisibility() == Visibility.VISIBLE) {
            expanded.add(finding.id());
            if (expanded.size() > MAX_EXPANDED) {
                expanded.remove(expanded.iterator().next());
            }
        } else {
            expanded.remove(finding.id());
        }
    }

    public boolean expanded(FindingView finding) {
        return expanded.contains(finding.id());
    }

    /** The evidence as lines of "name: value", nested values as compact JSON. */
    public List<String> evidence(FindingView finding) {
        List<String> lines = new ArrayList<>();
        JsonObject evidence = finding.evidence();
        evidence.forEach((name, value) -> lines.add(name + ": " + readable(value)));
        return lines;
    }

    private static String readable(JsonValue value) {
        return value instanceof JsonString text ? text.getString() : value.toString();
    }

    private static String blankToNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.length() > MAX_FILTER_LENGTH ? trimmed.substring(0, MAX_FILTER_LENGTH) : trimmed;
    }

    public LazyDataModel<FindingView> getModel() {
        if (model == null) {
            init();
        }
        return model;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = "insight".equals(type) ? "insight" : "alert";
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = switch (state == null ? "" : state) {
            case "acknowledged", "all" -> state;
            default -> "open";
        };
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = switch (severity == null ? "" : severity) {
            case "warning", "critical" -> severity;
            default -> "info";
        };
    }

    public String getNode() {
        return node;
    }

    public void setNode(String node) {
        this.node = node == null ? "" : node;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind == null ? "" : kind;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public List<FindingView> getSelected() {
        return selected;
    }

    public void setSelected(List<FindingView> selected) {
        this.selected = selected;
    }
}
