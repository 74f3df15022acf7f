package io.vantaechonebula.analysis.stats;

/** The standard normal distribution's tails, for turning z-scores into scores between 0 and 1. */
public final class Normal {

    private Normal() {
    }

    /** P(|Z| < |z|): 0 at the mean, towards 1 far from it. */
    public static double twoSidedConfidence(double z) {
        return 1 - erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** P(Z > z), computed directly so that it keeps its precision far into the tail. */
    public static double upperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** P(Z < z): how surely a value this high is above the normal level. */
    public static double upperConfidence(double z) {
        return 1 - 0.5 * erfc(z / Math.sqrt(2));
    }

    /**
     * The complementary error function, from Numerical Recipes' Chebyshev fit (relative error below
     * 1.2e-7 everywhere), so scores keep their precision far into the tails.
     */
    static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double tail = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? tail : 2 - tail;
    }
}
