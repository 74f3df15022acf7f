package io.vantaechonebula.web.openapi;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Serves META-INF/openapi.yaml as written. Payara Server adds to it a property {@code endpoints} of
 * its own (the paths by context root), which OpenAPI 3 does not allow at the document's root and
 * which linters refuse; its model has no standard way to remove it, so it is emptied (an empty one is
 * not written). WildFly adds its defaults after the filters (an empty {@code contact}, and an
 * {@code externalDocs} without the url it requires unless the document has one, as ours does).
 */
public class ApiDocumentFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(ApiDocumentFilter.class.getName());

    @Override
    public void filterOpenAPI(OpenAPI document) {
        Method setEndpoints;
        try {
            setEndpoints = document.getClass().getMethod("setEndpoints", Map.class);
        } catch (NoSuchMethodException e) {
            return;
        }
        try {
            setEndpoints.invoke(document, new TreeMap<String, Object>());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning(() -> "/openapi keeps the server's 'endpoints' property, which OpenAPI linters refuse: " + e);
        }
    }
}
