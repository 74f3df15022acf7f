package io.vantaechonebula.pool.api;

import java.util.Optional;

/**
 * One sample against a seed rule, with the threshold that applies to its node.
 *
 * @param alert          the alert a breach raises, when the value is above the threshold
 * @param recommendation what to do about the breach
 */
public record RuleAssessment(String metric, double value, double threshold, boolean thresholdLearnt, boolean above,
                             Optional<String> alert, Optional<String> recommendation, String explanation) {
}
