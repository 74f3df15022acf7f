package io.vantaechonebula.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Grafana board under deploy/grafana: importable, every query valid PromQL on metrics docs/metrics.md lists. */
class GrafanaBoardTest {

    static final Path BOARD = Path.of("..", "deploy", "grafana", "vanta-network.json");
    private static final Pattern METRIC = Pattern.compile("\\b(vanta_[a-z0-9_]+)");

    private static JsonObject board() throws IOException {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(BOARD))) {
            return reader.readObject();
        }
    }

    private static List<JsonObject> panels() throws IOException {
        return board().getJsonArray("panels").getValuesAs(JsonObject.class).stream()
                .filter(panel -> !"row".equals(panel.getString("type"))).toList();
    }

    /** Every query of every panel, and the variable's. */
    static List<String> queries() throws IOException {
        List<String> queries = new ArrayList<>();
        for (JsonObject panel : panels()) {
            panel.getJsonArray("targets").getValuesAs(JsonObject.class).forEach(target -> queries.add(target.getString("expr")));
        }
        return queries;
    }

    /** The metric names the board's queries read, as /metrics writes them (counters with _total). */
    static Set<String> metricNames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String query : queries()) {
            Matcher matcher = METRIC.matcher(query);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    @Test
    void itAsksForItsPrometheusOnImportAndEveryPanelUsesIt() throws IOException {
        JsonObject board = board();
        JsonObject input = board.getJsonArray("__inputs").getJsonObject(0);
        assertThat(input.getString("name")).isEqualTo("DS_PROMETHEUS");
        assertThat(input.getString("type")).isEqualTo("datasource");
        assertThat(input.getString("pluginId")).isEqualTo("prometheus");
        assertThat(board.getString("uid")).isEqualTo("vanta-network");
        assertThat(board.containsKey("id")).as("an id would clash with the importing Grafana's own").isFalse();

        Set<Integer> ids = new HashSet<>();
        for (JsonObject panel : board.getJsonArray("panels").getValuesAs(JsonObject.class)) {
            assertThat(ids.add(panel.getInt("id"))).as("panel ids are unique: " + panel.getInt("id")).isTrue();
            JsonObject grid = panel.getJsonObject("gridPos");
            assertThat(grid.getInt("x") + grid.getInt("w")).as(panel.getString("title") + " fits 24 columns").isLessThanOrEqualTo(24);
        }
        for (JsonObject panel : panels()) {
            assertThat(panel.getJsonObject("datasource").getString("uid")).as(panel.getString("title")).isEqualTo("${DS_PROMETHEUS}");
            assertThat(panel.getJsonArray("targets")).as(panel.getString("title") + " has queries").isNotEmpty();
        }
        assertThat(panels()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void everyQueryIsPromQlThatPrometheusParses() throws Exception {
        // promtool parses the expression of each recording rule: the board's queries become rules of a scratch file.
        StringBuilder rules = new StringBuilder("groups:\n  - name: board\n    rules:\n");
        List<String> queries = queries();
        for (int i = 0; i < queries.size(); i++) {
            rules.append("      - record: board:query_").append(i).append('\n')
                    .append("        expr: '").append(queries.get(i).replace("'", "''")).append("'\n");
        }
        Path folder = Files.createTempDirectory("vanta-board");
        Files.writeString(folder.resolve("board.yml"), rules);

        Promtool.Result checked = Promtool.run(folder, "check", "rules", "board.yml");

        assertThat(checked.exitCode()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("SUCCESS: " + queries.size() + " rules found");
    }

    @Test
    void everyMetricItReadsIsDocumented() throws IOException {
        String documented = Files.readString(Path.of("..", "docs", "metrics.md"));

        for (String name : metricNames()) {
            String family = name.replaceAll("_(total|bucket|count|sum)$", "");
            assertThat(documented).as(name + " in docs/metrics.md").contains("`" + family);
        }
        assertThat(metricNames()).as("each category on the board").anyMatch(name -> name.startsWith("vanta_chain_"))
                .anyMatch(name -> name.startsWith("vanta_mempool_")).anyMatch(name -> name.startsWith("vanta_p2p_"))
                .anyMatch(name -> name.startsWith("vanta_pool_")).anyMatch(name -> name.startsWith("vanta_agents_"))
                .anyMatch(name -> name.startsWith("vanta_node_"));
    }
}
