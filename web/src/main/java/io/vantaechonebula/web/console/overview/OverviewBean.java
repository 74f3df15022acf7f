package io.vantaechonebula.web.console.overview;

import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.NetworkCounts;
import io.vantaechonebula.pool.api.NodeStates;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.web.console.LineChart;
import io.vantaechonebula.web.network.BoardCounts;
import io.vantaechonebula.web.network.ChainFigures;
import io.vantaechonebula.web.network.NetworkBoard;
import io.vantaechonebula.web.network.PoolFigures;
import io.vantaechonebula.web.network.SharedReading;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The Overview page: the board read once per request (each live update is one), and its charts. */
@Named
@RequestScoped
public class OverviewBean {

    @Inject
    private NetworkBoard board;

    @Inject
    private BoardHistory history;

    @Inject
    private BoardCounts boardCounts;

    private List<ChainFigures> chains;
    private PoolFigures pool;
    private SharedReading.Reading<NetworkCounts> counts;
    private List<BoardHistory.Point> lastHour;

    public List<ChainFigures> getChains() {
        if (chains == null) {
            chains = board.chains();
        }
        return chains;
    }

    public PoolFigures getPool() {
        if (pool == null) {
            pool = board.pool();
        }
        return pool;
    }

    public NodeStates getNodes() {
        return counts().nodes();
    }

    public long openAlerts(String severity) {
        return open(FindingType.ALERT, severity);
    }

    public long openInsights(String severity) {
        return open(FindingType.INSIGHT, severity);
    }

    private long open(FindingType type, String severity) {
        return counts().open(type, Severity.of(severity));
    }

    /** When the nodes and open findings shown were counted: one count serves every viewer for a few seconds. */
    public long getCountedAtMs() {
        return reading().atMs();
    }

    private NetworkCounts counts() {
        return reading().value();
    }

    private SharedReading.Reading<NetworkCounts> reading() {
        if (counts == null) {
            counts = boardCounts.get();
        }
        return counts;
    }

    public boolean isHistoryEmpty() {
        return lastHour().size() < 2;
    }

    public String getBlockTimeChart() {
        return perChain("average block time (s)", point -> point.blockTimeMs(), ms -> ms < 0 ? null : ms / 1000.0);
    }

    public String getHashRateChart() {
        return perChain("hash rate (H/s)", point -> point.hashRate(), rate -> rate);
    }

    public String getIntakeChart() {
        LineChart chart = new LineChart("samples stored per second", "HH:mm").series("intake");
        lastHour().forEach(point -> chart.point(point.atMs(), point.intakePerSecond()));
        return chart.json();
    }

    private <T extends Number> String perChain(String yTitle, Function<BoardHistory.Point, Map<String, T>> values,
                                               Function<T, Double> toValue) {
        LineChart chart = new LineChart(yTitle, "HH:mm");
        // The names the last hour's readings have, rather than reading the chains again for them.
        List<String> names = lastHour().stream().flatMap(point -> values.apply(point).keySet().stream()).distinct().toList();
        names.forEach(chart::series);
        for (BoardHistory.Point point : lastHour()) {
            Double[] row = names.stream().map(name -> {
                T value = values.apply(point).get(name);
                return value == null ? null : toValue.apply(value);
            }).toArray(Double[]::new);
            chart.point(point.atMs(), row);
        }
        return chart.json();
    }

    private List<BoardHistory.Point> lastHour() {
        if (lastHour == null) {
            lastHour = history.lastHour();
        }
        return lastHour;
    }
}
