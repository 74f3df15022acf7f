package io.vantaechonebula.pool.statistics;

import io.vantaechonebula.analysis.stats.SeriesStatistic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The stored state of one agent's {@link SeriesStatistic} of one metric of one subject (a node, a chain):
 * what it holds between batches, nothing more.
 */
@Entity
@Table(name = "pool_statistic")
@IdClass(StatisticKey.class)
public class RollingStatistic {

    @Id
    @Column(length = 32)
    private String processor;

    @Id
    @Column(length = 200)
    private String subject;

    @Id
    @Column(length = 64)
    private String name;

    private long count;
    private double mean;
    private double m2;
    @Column(name = "min_value")
    private double min;
    @Column(name = "max_value")
    private double max;
    private double ewma;
    @Column(name = "last_value")
    private double last;
    @Column(name = "last_at_ms")
    private long lastAtMs;

    protected RollingStatistic() {
    }

    public RollingStatistic(String processor, String subject, String name) {
        this.processor = processor;
        this.subject = subject;
        this.name = name;
    }

    public SeriesStatistic.State state() {
        return new SeriesStatistic.State(count, mean, m2, min, max, ewma, last, lastAtMs);
    }

    public void store(SeriesStatistic.State state) {
        count = state.count();
        mean = state.mean();
        m2 = state.m2();
        min = state.min();
        max = state.max();
        ewma = state.ewma();
        last = state.last();
        lastAtMs = state.lastAtMs();
    }
}
