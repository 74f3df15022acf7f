package io.vantaechonebula.pool.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.OptionalDouble;

/**
 * Streaming statistics of two metrics seen together (x, y): their means, variances and co-moment,
 * updated per pair. From them: the correlation, and the least-squares line predicting y from x,
 * refitted exactly with every pair (online linear regression).
 */
@Entity
@Table(name = "pool_pair_statistic")
@IdClass(StatisticKey.class)
public class PairStatistic {

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
    @Column(name = "mean_x")
    private double meanX;
    @Column(name = "mean_y")
    private double meanY;
    @Column(name = "m2_x")
    private double m2x;
    @Column(name = "m2_y")
    private double m2y;
    @Column(name = "co_moment")
    private double coMoment;

    protected PairStatistic() {
    }

    public PairStatistic(String processor, String subject, String name) {
        this.processor = processor;
        this.subject = subject;
        this.name = name;
    }

    public void add(double x, double y) {
        count++;
        double dx = x - meanX;
        meanX += dx / count;
        double dy = y - meanY;
        meanY += dy / count;
        m2x += dx * (x - meanX);
        m2y += dy * (y - meanY);
        coMoment += dx * (y - meanY);
    }

    /** Pearson's correlation; empty below three pairs or while either metric has not varied. */
    public OptionalDouble correlation() {
        if (count < 3 || m2x == 0 || m2y == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(coMoment / Math.sqrt(m2x * m2y));
    }

    /** Slope of the least-squares line of y on x; empty below two pairs or while x has not varied. */
    public OptionalDouble slope() {
        if (count < 2 || m2x == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(coMoment / m2x);
    }

    /** The line's prediction of y at x; empty while there is no line. */
    public OptionalDouble predict(double x) {
        OptionalDouble slope = slope();
        if (slope.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(meanY + slope.getAsDouble() * (x - meanX));
    }

    public long count() {
        return count;
    }

    public double meanX() {
        return meanX;
    }

    public double meanY() {
        return meanY;
    }

    public String subject() {
        return subject;
    }

    public String name() {
        return name;
    }
}
