package io.vantaechonebula.web.console.audit;

import io.vantaechonebula.pool.api.AuditOperations;
import io.vantaechonebula.pool.api.AuditView;
import io.vantaechonebula.web.console.ConsoleUser;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The Audit page: the log a page at a time, newest first; admins only. */
@Named
@ViewScoped
public class AuditBean implements Serializable {

    private static final long serialVersionUID = 1;

    @EJB
    private AuditOperations audit;

    @Inject
    private ConsoleUser user;

    private transient LazyDataModel<AuditView> model;

    public LazyDataModel<AuditView> getModel() {
        if (model == null) {
            AuditOperations log = audit;
            ConsoleUser admin = user;
            model = new LazyDataModel<>() {
                @Override
                public int count(Map<String, FilterMeta> filterBy) {
                    admin.requireAdmin();
                    return (int) Math.min(Integer.MAX_VALUE, log.count());
                }

                @Override
                public List<AuditView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                    admin.requireAdmin();
                    return log.newest(first, pageSize);
                }

                @Override
                public String getRowKey(AuditView entry) {
                    return String.valueOf(entry.id());
                }
            };
        }
        return model;
    }
}
