package io.vantaechonebula.web.console.overview;

import io.vantaechonebula.web.network.ChainFigures;
import io.vantaechonebula.web.network.NetworkBoard;
import io.vantaechonebula.web.network.PoolFigures;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The board's last hour, for the Overview's charts: every {@value #EVERY_SECONDS} s the average block
 * time and hash rate of each chain and the pool's intake. Kept in memory: after a restart the charts
 * start again from the restart.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BoardHistory {

    private static final Logger LOG = Logger.getLogger(BoardHistory.class.getName());
    static final int EVERY_SECONDS = 15;
    static final int POINTS = 3600 / EVERY_SECONDS;

    /** One reading: per chain name its average block time (ms, or -1 while unknown) and hash rate. */
    public record Point(long atMs, Map<String, Long> blockTimeMs, Map<String, Double> hashRate, double intakePerSecond) {
    }

    @Inject
    private NetworkBoard board;

    private final Deque<Point> points = new ArrayDeque<>();

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    void read() {
        try {
            Map<String, Long> blockTimes = new LinkedHashMap<>();
            Map<String, Double> hashRates = new LinkedHashMap<>();
            for (ChainFigures chain : board.chains()) {
                blockTimes.put(chain.name(), chain.averageBlockTimeMs().orElse(-1));
                hashRates.put(chain.name(), chain.hashRate());
            }
            PoolFigures pool = board.pool();
            add(new Point(System.currentTimeMillis(), blockTimes, hashRates, pool.samplesStoredPerSecond()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The board's reading failed; the charts miss this point", e);
        }
    }

    void add(Point point) {
        synchronized (points) {
            points.addLast(point);
            while (points.size() > POINTS) {
                points.removeFirst();
            }
        }
    }

    /** The readings of the last hour, oldest first. */
    public List<Point> lastHour() {
        long since = System.currentTimeMillis() - 3_600_000L;
        synchronized (points) {
            return new ArrayList<>(points.stream().filter(point -> point.atMs() >= since).toList());
        }
    }
}
