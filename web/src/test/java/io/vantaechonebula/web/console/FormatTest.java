package io.vantaechonebula.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FormatTest {

    private final Format format = new Format();

    @Test
    void durationsReadAsAnOperatorWouldSayThem() {
        assertThat(format.duration(850)).isEqualTo("850 ms");
        assertThat(format.duration(12_400)).isEqualTo("12.4 s");
        assertThat(format.duration(423_000)).isEqualTo("7 min 3 s");
        assertThat(format.duration(7_500_000)).isEqualTo("2 h 5 min");
        assertThat(format.duration(273_600_000)).isEqualTo("3 d 4 h");
    }

    @Test
    void largeFiguresTakeSiPrefixes() {
        assertThat(format.si(950)).isEqualTo("950");
        assertThat(format.si(0.23)).isEqualTo("0.23");
        assertThat(format.si(12_345)).isEqualTo("12.3 k");
        assertThat(format.si(4_560_000.0)).isEqualTo("4.56 M");
        assertThat(format.si(new BigInteger("22240000"))).isEqualTo("22.24 M");
    }

    @Test
    void aTimeNeverSeenSaysSo() {
        assertThat(format.ago(0)).isEqualTo("never");
        assertThat(format.time(0)).isEqualTo("never");
        assertThat(format.time(86_400_000)).isEqualTo("1970-01-02 00:00:00 UTC");
    }
}
