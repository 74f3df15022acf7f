package io.vantaechonebula.web.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantaechonebula.pool.api.Resolution;
import io.vantaechonebula.web.problem.ApiProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetricsRangeTest {

    private static final long NOW = Instant.parse("2026-11-22T12:00:00Z").toEpochMilli();

    @Test
    void defaultsToTheLastHourOfMinutes() {
        MetricsRange range = MetricsRange.parse(null, null, null, NOW);
        assertThat(range.resolution()).contains(Resolution.MINUTE);
        assertThat(range.toMs()).isEqualTo(NOW);
        assertThat(range.fromMs()).isEqualTo(NOW - 3_600_000);
    }

    @Test
    void takesIsoInstantsAndEpochSeconds() {
        MetricsRange range = MetricsRange.parse("raw", "2026-11-22T11:30:00Z", "1795348800.5", NOW);
        assertThat(range.resolution()).isEmpty();
        assertThat(range.fromMs()).isEqualTo(Instant.parse("2026-11-22T11:30:00Z").toEpochMilli());
        assertThat(range.toMs()).isEqualTo(1_795_348_800_500L);
    }

    @Test
    void refusesWhatItCannotAnswerSayingWhy() {
        assertThatThrownBy(() -> MetricsRange.parse("second", null, null, NOW))
                .isInstanceOf(ApiProblemException.class).hasMessageContaining("raw, minute or hour");
        assertThatThrownBy(() -> MetricsRange.parse("minute", "yesterday", null, NOW))
                .hasMessageContaining("'from'").hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> MetricsRange.parse("minute", "2026-11-22T13:00:00Z", null, NOW))
                .hasMessageContaining("before");
        assertThatThrownBy(() -> MetricsRange.parse("minute", "2026-11-01T00:00:00Z", null, NOW))
                .hasMessageContaining("at most 1 day(s)");
    }
}
