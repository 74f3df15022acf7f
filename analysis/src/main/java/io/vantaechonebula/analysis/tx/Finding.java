package io.vantaechonebula.analysis.tx;

import io.vantaechonebula.p2p.alert.Reason;
/**
 * One reason a transaction looks unusual.
 *
 * @param score  how sure, in [0, 1]: the normal distribution's confidence for the z-score, or 1 for a rule
 * @param detail what was seen against what is normal, for a person
 */
public record Finding(Reason reason, double score, String detail) {
}
