package io.vantaechonebula.agent.scenario;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A scenario's runs taken together. Precision: of the alerts its runs drew, the share that detected
 * the attack (one per detected run); recall: the share of runs detected. Normal traffic has neither:
 * its figure is the false alarms.
 */
record ScenarioScore(String scenario, boolean attack, int runs, int detected, int falseAlarms,
                     OptionalDouble medianDetectMs, OptionalDouble maxDetectMs) {

    static ScenarioScore of(String scenario, List<Outcome> outcomes) {
        int detected = (int) outcomes.stream().filter(Outcome::detected).count();
        int falseAlarms = outcomes.stream().mapToInt(Outcome::falseAlarms).sum();
        double[] times = outcomes.stream().filter(Outcome::detected).mapToDouble(o -> o.timeToDetectMs().getAsLong()).sorted().toArray();
        OptionalDouble median = times.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(times.length % 2 == 1
                ? times[times.length / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2);
        OptionalDouble max = times.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(times[times.length - 1]);
        boolean attack = outcomes.stream().anyMatch(Outcome::attack);
        return new ScenarioScore(scenario, attack, outcomes.size(), detected, falseAlarms, median, max);
    }

    /** Empty for normal traffic, or when the runs drew no alert at all. */
    OptionalDouble precision() {
        return !attack || detected + falseAlarms == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) detected / (detected + falseAlarms));
    }

    OptionalDouble recall() {
        return !attack || runs == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) detected / runs);
    }
}
