package io.vantaechonebula.web;

import io.vantaechonebula.telemetry.IngestAddresses;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The REST API, version 1. */
@ApplicationPath(IngestAddresses.API_ROOT)
public class RestApplication extends Application {

    /**
     * Jersey (Payara) checks {@code @RolesAllowed} on resources only with this feature, RESTEasy
     * (WildFly) only with {@code resteasy.role.based.security} (web.xml); web.xml's constraints check
     * the same roles first, so a path a constraint misses is still refused. Named, not imported, so the
     * EAR needs no Jersey class on a server that has none.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.provider.classnames", "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
