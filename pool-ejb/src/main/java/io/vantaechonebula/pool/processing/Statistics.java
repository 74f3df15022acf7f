package io.vantaechonebula.pool.processing;

/**
 * A processor's statistics, created on first use. Changes made during one batch are kept only if
 * the whole batch succeeds.
 */
public interface Statistics {

    RollingStatistic series(String subject, String name);

    PairStatistic pair(String subject, String name);
}
