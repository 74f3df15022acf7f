package io.vantaechonebula.pool.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.OptionalDouble;

/**
 * Streaming statistics of one metric of one subject (a node, a chain): count, mean and variance
 * (Welford), minimum, maximum, an exponentially weighted mean, and the last value. Kept by one
 * processor; updated once per value, never recomputed from the raw samples.
 */
@Entity
@Table(name = "pool_statistic")
@IdClass(StatisticKey.class)
public class RollingStatistic {

    /** Weight of the newest value in the exponentially weighted mean. */
    static final double EWMA_WEIGHT = 0.1;

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

    public void add(double value, long atMs) {
        count++;
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
        if (count == 1) {
            min = value;
            max = value;
            ewma = value;
        } else {
            min = Math.min(min, value);
            max = Math.max(max, value);
            ewma += EWMA_WEIGHT * (value - ewma);
        }
        last = value;
        lastAtMs = Math.max(lastAtMs, atMs);
    }

    /**
     * How many standard deviations a value lies from the mean so far; empty until {@code minCount}
     * values were seen, or while all were equal (no spread to measure against).
     */
    public OptionalDouble zScore(double value, long minCount) {
        double stddev = stddev();
        if (count < minCount || stddev == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((value - mean) / stddev);
    }

    /** Sample variance; 0 below two values. */
    public double variance() {
        return count < 2 ? 0 : m2 / (count - 1);
    }

    public double stddev() {
        return Math.sqrt(variance());
    }

    public String processor() {
        return processor;
    }

    public String subject() {
        return subject;
    }

    public String name() {
        return name;
    }

    public long count() {
        return count;
    }

    public double mean() {
        return mean;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double ewma() {
        return ewma;
    }

    public double last() {
        return last;
    }

    public long lastAtMs() {
        return lastAtMs;
    }
}
