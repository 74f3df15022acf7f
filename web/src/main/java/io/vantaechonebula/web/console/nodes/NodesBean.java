package io.vantaechonebula.web.console.nodes;

import io.vantaechonebula.pool.api.NodeQuery;
import io.vantaechonebula.pool.api.NodeRow;
import io.vantaechonebula.pool.api.NodeTelemetryOperations;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.model.LazyDataModel;

/** The Nodes page: the filter (id prefix, type, chain, verified) and the page of nodes it selects. */
@Named
@ViewScoped
public class NodesBean implements Serializable {

    private static final long serialVersionUID = 1;
    private static final int MAX_FILTER_LENGTH = 128;

    @EJB
    private NodeTelemetryOperations telemetry;

    private String idPrefix = "";
    private String type = "";
    private String chain = "";
    private String verified = "";
    private transient LazyDataModel<NodeRow> model;

    NodeQuery query() {
        return new NodeQuery(trimmed(idPrefix), blankToNull(type), blankToNull(chain),
                verified.isEmpty() ? null : Boolean.valueOf(verified), NodeQuery.Order.ID, true, 0, 1);
    }

    public LazyDataModel<NodeRow> getModel() {
        if (model == null) {
            model = new NodesModel(telemetry, this::query);
        }
        return model;
    }

    private static String trimmed(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.length() > MAX_FILTER_LENGTH ? stripped.substring(0, MAX_FILTER_LENGTH) : stripped;
    }

    private static String blankToNull(String text) {
        String stripped = trimmed(text);
        return stripped.isEmpty() ? null : stripped;
    }

    public String getIdPrefix() {
        return idPrefix;
    }

    public void setIdPrefix(String idPrefix) {
        this.idPrefix = idPrefix == null ? "" : idPrefix;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type == null ? "" : type;
    }

    public String getChain() {
        return chain;
    }

    public void setChain(String chain) {
        this.chain = chain == null ? "" : chain;
    }

    public String getVerified() {
        return verified;
    }

    public void setVerified(String verified) {
        this.verified = "true".equals(verified) || "false".equals(verified) ? verified : "";
    }
}
