package io.vantaechonebula.web.pool;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Limits of the ingest endpoint; see docs/configuration.md. */
@ApplicationScoped
public class IngestSettings {

    @Inject
    @ConfigProperty(name = "vanta.ingest.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = "vanta.ingest.max-samples-per-batch", defaultValue = "1000")
    int maxSamplesPerBatch;

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public int maxSamplesPerBatch() {
        return maxSamplesPerBatch;
    }
}
