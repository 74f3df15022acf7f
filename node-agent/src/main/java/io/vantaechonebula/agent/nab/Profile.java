package io.vantaechonebula.agent.nab;

import java.util.List;

/**
 * A NAB scoring profile: what a true positive earns, a false positive costs and a missed window costs.
 *
 * @param truePositive  A_TP, earned by a detection on a window's left edge
 * @param falsePositive A_FP, at most lost by a detection outside every window
 * @param falseNegative A_FN, lost by a window without a detection
 */
public record Profile(String name, double truePositive, double falsePositive, double falseNegative) {

    public static final Profile STANDARD = new Profile("standard", 1.0, 0.11, 1.0);
    public static final Profile REWARD_LOW_FP = new Profile("reward_low_FP_rate", 1.0, 0.22, 1.0);
    public static final Profile REWARD_LOW_FN = new Profile("reward_low_FN_rate", 1.0, 0.11, 2.0);
    public static final List<Profile> ALL = List.of(STANDARD, REWARD_LOW_FP, REWARD_LOW_FN);
}
