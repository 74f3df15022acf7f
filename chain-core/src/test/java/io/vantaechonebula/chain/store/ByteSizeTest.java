package io.vantaechonebula.chain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void readsSizesWithAndWithoutUnits() {
        assertThat(ByteSize.parse("1GB", "k")).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("500 MB", "k")).isEqualTo(500L << 20);
        assertThat(ByteSize.parse("64k", "k")).isEqualTo(64L << 10);
        assertThat(ByteSize.parse("2GiB", "k")).isEqualTo(2L << 30);
        assertThat(ByteSize.parse("1048576", "k")).isEqualTo(1048576);
    }

    @Test
    void refusesWhatIsNotASizeNamingTheKey() {
        assertThatThrownBy(() -> ByteSize.parse("lots", "vanta.pool.raw-storage-limit"))
                .hasMessageContaining("vanta.pool.raw-storage-limit").hasMessageContaining("1GB");
    }
}
