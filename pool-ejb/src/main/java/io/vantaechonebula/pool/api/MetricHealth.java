package io.vantaechonebula.pool.api;

/**
 * One resource of a node against its threshold.
 *
 * @param thresholdLearnt whether the threshold comes from the node's own usual values rather than the default
 * @param usualCount      how many values its usual mean and spread were learnt from; 0 while none
 */
public record MetricHealth(String metric, double value, double threshold, boolean thresholdLearnt, boolean above,
                           long usualCount, double usualMean, double usualSpread) {
}
