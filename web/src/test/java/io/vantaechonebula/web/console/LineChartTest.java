package io.vantaechonebula.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LineChartTest {

    @Test
    void aChartHasTimesInUtcALinePerSeriesGapsForMissingValuesAndTitledAxes() {
        LineChart chart = new LineChart("block time (s)", "HH:mm").series("testnet").series("mainnet");
        chart.point(0, 5.0, null);
        chart.point(60_000, Double.NaN, 30.0);
        JsonObject config = Json.createReader(new StringReader(chart.json())).readObject();

        assertThat(config.getString("type")).isEqualTo("line");
        assertThat(config.getJsonObject("data").getJsonArray("labels").getString(1)).isEqualTo("00:01");
        var datasets = config.getJsonObject("data").getJsonArray("datasets");
        assertThat(datasets.getJsonObject(0).getString("label")).isEqualTo("testnet");
        assertThat(datasets.getJsonObject(0).getJsonArray("data").toString()).isEqualTo("[5.0,null]");
        assertThat(datasets.getJsonObject(1).getJsonArray("data").toString()).isEqualTo("[null,30.0]");
        var scales = config.getJsonObject("options").getJsonObject("scales");
        assertThat(scales.getJsonObject("y").getJsonObject("title").getString("text")).isEqualTo("block time (s)");
        assertThat(scales.getJsonObject("x").getJsonObject("title").getString("text")).isEqualTo("time (UTC)");
    }

    @Test
    void aChartWithoutPointsSaysItIsEmpty() {
        assertThat(new LineChart("hash rate (H/s)", "HH:mm").series("testnet").isEmpty()).isTrue();
    }
}
