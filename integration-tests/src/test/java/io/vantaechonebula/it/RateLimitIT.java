package io.vantaechonebula.it;

import static io.vantaechonebula.it.Telemetry.batch;
import static io.vantaechonebula.it.Telemetry.newNodeId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Token buckets at the doors: past its rate a node, an address or a user trying passwords is
 * answered 429 with Retry-After, and what it sent does nothing. The tests run on this machine,
 * which is not limited unless vanta.ratelimit.limit-loopback says so; they say so while they run.
 */
@ExtendWith(ArquillianExtension.class)
class RateLimitIT {

    private static final String[] PROPERTIES = {"vanta.ratelimit.limit-loopback", "vanta.ratelimit.ingest-node.burst",
            "vanta.ratelimit.ingest-node.per-second", "vanta.ratelimit.failed-logins.burst",
            "vanta.ratelimit.failed-logins.per-second"};

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return VantaEar.asBuilt();
    }

    /** Lifts the limits again, and waits until the server reads them lifted, so that later tests are not throttled. */
    @AfterEach
    void back() throws Exception {
        for (String property : PROPERTIES) {
            ServerControl.removeProperty(property);
        }
        TestOperators.add();
        Api.Answer login = Api.eventually(() -> Api.getAs("/api/v1/pool/dead-batches", TestOperators.VIEWER,
                TestOperators.VIEWER_PASSWORD), answer -> answer.status() == 200);
        assertThat(login.status()).as("logins from this machine are not throttled once the test is over").isEqualTo(200);
    }

    @Test
    void aNodePastItsRateIsAnswered429WithRetryAfterAndThatPayloadIsNotStored() throws Exception {
        ServerControl.setProperties("vanta.ratelimit.limit-loopback=true",
                "vanta.ratelimit.ingest-node.burst=2", "vanta.ratelimit.ingest-node.per-second=0.01");
        String node = newNodeId("eager");
        AtomicLong seq = new AtomicLong();
        Api.Answer limited = Api.eventually(() -> Api.post("/api/v1/pool/ingest", batch(node, seq.incrementAndGet(), 1).toString()),
                answer -> answer.status() != 202);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.object().getString("type")).isEqualTo("urn:vantaechonebula:problem:rate-limited");
        assertThat(limited.header("Retry-After")).hasValueSatisfying(value -> assertThat(Long.parseLong(value)).isGreaterThan(10));
        long stored = Api.nodeWithSamples(node, 2).orElseThrow().getJsonNumber("samplesStored").longValue();
        Api.sleep(2000);
        assertThat(Api.get("/api/v1/nodes/" + node).object().getJsonNumber("samplesStored").longValue())
                .as("the refused payload stored nothing").isEqualTo(stored);
        String other = newNodeId("calm");
        assertThat(Api.post("/api/v1/pool/ingest", batch(other, 1, 1).toString()).status()).as("another node has its own rate")
                .isEqualTo(202);
    }

    @Test
    void failedLoginsPastTheirRateAreRefusedWithoutTryingEvenTheRightPassword() throws Exception {
        TestOperators.add();
        ServerControl.setProperties("vanta.ratelimit.limit-loopback=true",
                "vanta.ratelimit.failed-logins.burst=3", "vanta.ratelimit.failed-logins.per-second=0.01");
        String path = "/api/v1/pool/dead-batches";
        Api.Answer throttled = Api.eventually(() -> Api.getAs(path, TestOperators.VIEWER, "wrong"), answer -> answer.status() == 429);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isPresent();
        assertThat(throttled.object().getString("detail")).contains("Too many failed logins");
        assertThat(Api.getAs(path, TestOperators.VIEWER, TestOperators.VIEWER_PASSWORD).status())
                .as("the right password waits as well").isEqualTo(429);
    }

    @Test
    void aThousandBadLoginsCostNoMorePasswordChecksThanTheDefaultRateRefills() throws Exception {
        TestOperators.add();
        ServerControl.setProperties("vanta.ratelimit.limit-loopback=true");
        String path = "/api/v1/pool/dead-batches";
        Api.eventually(() -> Api.getAs(path, TestOperators.VIEWER, "wrong"), answer -> answer.status() == 429);

        long started = System.nanoTime();
        int checked = 0;
        int throttled = 0;
        for (int i = 0; i < 1_000; i++) {
            int status = Api.getAs(path, TestOperators.VIEWER, "wrong-" + i).status();
            if (status == 401) {
                checked++;
            } else if (status == 429) {
                throttled++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // The defaults: a burst of 10, then one failed login every 6 s (vanta.ratelimit.failed-logins.*). The burst may come
        // once more within the run: the server reads the changed limits a little after the first 429.
        assertThat(checked).as("passwords checked among 1,000 bad logins in %.0f s", seconds)
                .isLessThanOrEqualTo(10 + 2 + (int) (seconds / 6));
        assertThat(throttled + checked).isEqualTo(1_000);
    }
}
