package io.vantaechonebula.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedsPortFilterTest {

    @Test
    void theSeedsPortServesTheirIngestTheDiscoveryProbeAndKeyRegistration() {
        assertThat(SeedsPortFilter.servedOnSeedsPort("/api/v1/pool/ingest")).isTrue();
        assertThat(SeedsPortFilter.servedOnSeedsPort("/api/v1/pool/ingest/")).isTrue();
        assertThat(SeedsPortFilter.servedOnSeedsPort("/api/v1/system/status")).isTrue();
        assertThat(SeedsPortFilter.servedOnSeedsPort("/api/v1/nodes/registrations")).isTrue();
    }

    @Test
    void andNothingElseHoweverThePathIsDressedUp() {
        for (String path : new String[] {"/", "/console/", "/console/login.xhtml", "/metrics", "/openapi", "/health/ready",
                "/api/v1/pool/stats", "/api/v1/pool/ingest/../stats", "/api/v1/pool/%69ngest", "/api/v1/pool/ingest;x=1",
                "/api/v1/nodes/registrations/n1/key", "/api/v1/system/status/../../console/", "//api/v1/pool/ingest"}) {
            assertThat(SeedsPortFilter.servedOnSeedsPort(path)).as(path).isFalse();
        }
    }
}
