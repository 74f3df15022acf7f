package io.vantaechonebula.pool.api;

import java.util.OptionalDouble;

/**
 * One metric of one sample as the Pattern Recognizer sees it against the node's stored model.
 *
 * @param learntFrom    values the model learnt from; 0 for a stream it never saw
 * @param lowestBefore  the lowest value the stream had, once it had any
 * @param explanation   the verdict in words
 */
public record MetricAssessment(String metric, double value, double score, boolean anomalous, double recentLevel,
                               double recentSpread, OptionalDouble lowestBefore, OptionalDouble highestBefore,
                               long learntFrom, String explanation) {
}
