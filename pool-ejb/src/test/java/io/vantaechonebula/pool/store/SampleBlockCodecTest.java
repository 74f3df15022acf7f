package io.vantaechonebula.pool.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vantaechonebula.pool.api.SampleView;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleBlockCodecTest {

    @Test
    void aBlockGivesBackEverySampleExactlyWithItsNodeAndReceiptTime() {
        SampleView full = new SampleView("node-a", "full", "testnet", new BigDecimal("1763800000.125000"), 7L, 99L,
                120L, 3L, 41L, 1.5e6, true, 340L, 4L, 12.25, 2048.0, 0.98, 0.31, 0.62, 0.47, 3600.5, "{\"ai_metrics\":{\"score\":0.7}}", false);
        SampleView sparse = new SampleView("node-a", "basic", "mainnet", new BigDecimal("1763800005"), null, 99L,
                null, null, null, null, null, null, null, null, null, null, 0.05, null, null, null, null, false);
        SampleView unicode = new SampleView("node-a", "simple", "testnet", new BigDecimal("1763800010.5"), 0L, 99L,
                0L, 0L, 0L, 0.0, false, 0L, 0L, null, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, "{\"note\":\"Ünïcødé ✓\"}", false);

        List<SampleView> decoded = SampleBlockCodec.decode(SampleBlockCodec.encode(List.of(full, sparse, unicode)), "node-a", 99L, false);

        assertEquals(List.of(full, sparse, unicode), decoded);
        assertEquals("1763800000.125000", decoded.get(0).timestamp().toPlainString(), "the timestamp exactly as sent");
    }

    @Test
    void aBlockOfFormatOneWrittenBeforeStorageWasMeasuredStillReads() {
        SampleView before = new SampleView("node-a", "full", "testnet", new BigDecimal("1763800000.5"), 3L, 7L,
                120L, 3L, 41L, 1.5e6, null, null, 4L, 12.25, 2048.0, 0.98, 0.31, 0.62, null, 3600.5, "{\"ai_metrics\":{}}", false);
        byte[] block = SampleBlockCodec.encode(List.of(before));
        // Format 1 differs only in its version byte: it had no storage bit to set.
        block[0] = 1;

        assertEquals(List.of(before), SampleBlockCodec.decode(block, "node-a", 7L, false));
    }

    @Test
    void aBlockOfFormatTwoWrittenBeforeTheSyncStatusStillReads() {
        SampleView before = new SampleView("node-a", "full", "testnet", new BigDecimal("1763800000.5"), 3L, 7L,
                120L, 3L, 41L, 1.5e6, null, null, 4L, 12.25, 2048.0, 0.98, 0.31, 0.62, 0.5, 3600.5, null, false);
        byte[] block = SampleBlockCodec.encode(List.of(before));
        // Format 2 differs only in its version byte: it had no sync bits to set.
        block[0] = 2;

        assertEquals(List.of(before), SampleBlockCodec.decode(block, "node-a", 7L, false));
    }

    @Test
    void anEmptyBlockDecodesEmpty() {
        assertEquals(List.of(), SampleBlockCodec.decode(SampleBlockCodec.encode(List.of()), "n", 0, false));
    }

    @Test
    void aDamagedOrForeignBlockIsRefusedWithWhatIsWrong() {
        SampleView one = new SampleView("n", "full", "testnet", BigDecimal.ONE, 1L, 0L,
                1L, 1L, 1L, 1.0, null, null, 1L, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, null, false);
        byte[] block = SampleBlockCodec.encode(List.of(one));

        byte[] cut = Arrays.copyOf(block, block.length - 3);
        assertEquals("A stored sample block is cut short or damaged",
                assertThrows(IllegalStateException.class, () -> SampleBlockCodec.decode(cut, "n", 0, false)).getMessage());

        block[0] = 9;
        String message = assertThrows(IllegalStateException.class, () -> SampleBlockCodec.decode(block, "n", 0, false)).getMessage();
        assertEquals(true, message.contains("format 9"), message);
    }
}
