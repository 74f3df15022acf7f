package io.vantaechonebula.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantaechonebula.web.problem.ApiProblemException;
import io.vantaechonebula.web.problem.ProblemType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LimitedBodyTest {

    @Test
    void readsABodyUpToTheLimit() throws Exception {
        String body = "{\"é\": 1}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(LimitedBody.read(new ByteArrayInputStream(bytes), bytes.length, ProblemType.INVALID_TELEMETRY, "Send less.")).isEqualTo(body);
    }

    @Test
    void refusesABodyOneByteOverTheLimitAndReadsItToTheEnd() {
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[101]);
        assertThatThrownBy(() -> LimitedBody.read(in, 100, ProblemType.INVALID_TELEMETRY, "Send less."))
                .isInstanceOfSatisfying(ApiProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE))
                .hasMessageContaining("larger than 100 bytes").hasMessageEndingWith("Send less.");
        assertThat(in.available()).isZero();
    }

    @Test
    void aBodyTheServerStopsPastTheLimitIsStillTooLargeNotIncomplete() {
        // WildFly's own size limit ends the upload with an IOException while the oversized body is drained.
        InputStream endedByTheServer = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ >= 150) {
                    throw new IOException("UT000020: Connection terminated as request was larger than 150");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> LimitedBody.read(endedByTheServer, 100, ProblemType.INVALID_TELEMETRY, "Send less."))
                .isInstanceOfSatisfying(ApiProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE));
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = "{\"caf\u00e9\": 1}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> LimitedBody.read(new ByteArrayInputStream(latin1), 1000, ProblemType.INVALID_TELEMETRY, "Send less."))
                .isInstanceOfSatisfying(ApiProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_TELEMETRY))
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void queryLimitsAcceptTheRangeAndNameItWhenOutside() {
        assertThat(QueryLimits.parse("limit", "1000", 1000)).isEqualTo(1000);
        assertThatThrownBy(() -> QueryLimits.parse("limit", "0", 1000)).hasMessageContaining("from 1 to 1000, got '0'");
        assertThatThrownBy(() -> QueryLimits.parse("limit", "ten", 1000)).hasMessageContaining("got 'ten'");
    }
}
