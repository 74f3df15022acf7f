package io.vantaechonebula.pool.statistics;

import io.vantaechonebula.analysis.stats.SeriesPair;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The stored state of one agent's {@link SeriesPair} of two metrics of one subject. */
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

    public SeriesPair.State state() {
        return new SeriesPair.State(count, meanX, meanY, m2x, m2y, coMoment);
    }

    public void store(SeriesPair.State state) {
        count = state.count();
        meanX = state.meanX();
        meanY = state.meanY();
        m2x = state.m2x();
        m2y = state.m2y();
        coMoment = state.coMoment();
    }
}
