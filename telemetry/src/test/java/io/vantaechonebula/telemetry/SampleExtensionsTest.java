package io.vantaechonebula.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleExtensionsTest {

    private static final BlockRecord FIRST = new BlockRecord(7, "aa", "m1", 1_000, 3, 50, 2, 1e6, null);
    private static final BlockRecord SECOND = new BlockRecord(8, "bb", "m2", 2_000, 0, 0, 0, 1.5e6, 1_000L);

    @Test
    void readsTheBlocksLowestFirstAndTheTransactionAnalysis() {
        String json = "{\"blocks\":" + BlockRecord.json(List.of(SECOND, FIRST)) + ",\"transaction_analysis\":{\"analysed\":4}}";
        SampleExtensions extensions = SampleExtensions.decode(json);
        assertThat(extensions.blocks()).containsExactly(FIRST, SECOND);
        assertThat(extensions.transactionAnalysis().orElseThrow().getInt("analysed")).isEqualTo(4);
    }

    @Test
    void leavesOutBlocksNotShapedAsNodesWriteThemAndReadsNothingFromWhatIsNotAnObject() {
        String json = "{\"blocks\":[{\"height\":\"7\"},{\"height\":1.5,\"hash\":\"a\",\"miner\":\"m\",\"timestamp_ms\":1,"
                + "\"transactions\":1,\"volume\":1,\"fees\":1,\"difficulty\":1}," + FIRST.json().build() + ",3],"
                + "\"transaction_analysis\":[]}";
        SampleExtensions extensions = SampleExtensions.decode(json);
        assertThat(extensions.blocks()).containsExactly(FIRST);
        assertThat(extensions.transactionAnalysis()).isEmpty();
        assertThat(SampleExtensions.decode(null)).isEqualTo(SampleExtensions.NONE);
        assertThat(SampleExtensions.decode("[1,2]")).isEqualTo(SampleExtensions.NONE);
        assertThat(SampleExtensions.decode("{\"blocks\":")).isEqualTo(SampleExtensions.NONE);
    }
}
