package io.vantaechonebula.agent.nab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's scoring (../shared/nab/README.md): detections at or above one threshold, the earliest
 * in a window a true positive weighted by how early it came, others outside windows false positives
 * weighted by how far past the last window they fall, undetected windows false negatives, rows in the
 * probationary period ignored. The corpus threshold is the one that maximises the corpus score,
 * found in one sweep over the detections from the highest score down.
 */
public final class NabScorer {

    private NabScorer() {
    }

    /** σ(y) = 2 / (1 + e^(5y)) − 1, and −1 beyond y = 3. */
    static double scaledSigmoid(double y) {
        return y > 3.0 ? -1.0 : 2.0 / (1.0 + Math.exp(5.0 * y)) - 1.0;
    }

    /** The most a true positive is worth before weighting: σ at a window's left edge. */
    private static final double MAX_TRUE_POSITIVE = scaledSigmoid(-1.0);

    /** What one row is worth if it is detected: a true positive's value (for its window), or a false positive's. */
    private record RowValue(int window, double value) {
    }

    /**
     * The value of a detection at each row: inside a window, the true positive it would be; outside, the
     * false positive; {@code null} in the probationary period.
     */
    static RowValue[] rowValues(LabelledSeries series, Profile profile) {
        int rows = series.scores().length;
        RowValue[] values = new RowValue[rows];
        List<LabelledSeries.Window> windows = series.windows();
        int next = 0;
        LabelledSeries.Window previous = null;
        for (int row = 0; row < rows; row++) {
            while (next < windows.size() && windows.get(next).last() < row) {
                previous = windows.get(next);
                next++;
            }
            if (row < series.probationaryRows()) {
                continue;
            }
            if (next < windows.size() && windows.get(next).first() <= row) {
                LabelledSeries.Window window = windows.get(next);
                double position = -(double) (window.last() - row + 1) / window.width();
                values[row] = new RowValue(next, profile.truePositive() * scaledSigmoid(position) / MAX_TRUE_POSITIVE);
            } else if (previous == null) {
                values[row] = new RowValue(-1, -profile.falsePositive());
            } else {
                double past = Math.abs(previous.last() - row) / (double) Math.max(1, previous.width() - 1);
                values[row] = new RowValue(-1, profile.falsePositive() * scaledSigmoid(past));
            }
        }
        return values;
    }

    /** The raw score of one series at a threshold. */
    public static double rawScore(LabelledSeries series, Profile profile, double threshold) {
        RowValue[] values = rowValues(series, profile);
        boolean[] detected = new boolean[series.windows().size()];
        double total = 0;
        for (int row = 0; row < values.length; row++) {
            RowValue value = values[row];
            if (value == null || series.score(row) < threshold) {
                continue;
            }
            if (value.window() < 0) {
                total += value.value();
            } else if (!detected[value.window()]) {
                detected[value.window()] = true;
                total += value.value();
            }
        }
        for (boolean hit : detected) {
            if (!hit) {
                total -= profile.falseNegative();
            }
        }
        return total;
    }

    /** A corpus scored under one profile. */
    public record Result(Profile profile, double threshold, double raw, double normalised, double perfect, double none) {
    }

    /**
     * Scores the corpus with the one threshold that maximises its raw score, and normalises it:
     * 100 × (raw − none) / (perfect − none), where the null detector detects nothing and the perfect one
     * detects every window on its left edge.
     */
    public static Result score(List<LabelledSeries> corpus, Profile profile) {
        record Point(double score, int series, int row) {
        }
        List<Point> points = new ArrayList<>();
        List<RowValue[]> values = new ArrayList<>();
        long windowCount = 0;
        for (int s = 0; s < corpus.size(); s++) {
            LabelledSeries series = corpus.get(s);
            values.add(rowValues(series, profile));
            windowCount += series.windows().size();
            for (int row = 0; row < series.scores().length; row++) {
                if (values.get(s)[row] != null) {
                    points.add(new Point(series.score(row), s, row));
                }
            }
        }
        points.sort(Comparator.comparingDouble(Point::score).reversed());
        double none = -profile.falseNegative() * windowCount;
        double perfect = profile.truePositive() * windowCount;
        // Sweep the threshold down: each point detected in turn; a window counts its earliest detection.
        Map<Long, Integer> earliest = new HashMap<>();
        double total = none;
        double best = none;
        double bestThreshold = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            RowValue value = values.get(point.series())[point.row()];
            if (value.window() < 0) {
                total += value.value();
            } else {
                long key = ((long) point.series() << 32) | value.window();
                Integer before = earliest.get(key);
                if (before == null) {
                    earliest.put(key, point.row());
                    total += profile.falseNegative() + value.value();
                } else if (point.row() < before) {
                    earliest.put(key, point.row());
                    total += value.value() - values.get(point.series())[before].value();
                }
            }
            boolean lastOfTie = i + 1 == points.size() || points.get(i + 1).score() != point.score();
            if (lastOfTie && total > best) {
                best = total;
                bestThreshold = point.score();
            }
        }
        double normalised = perfect == none ? 0 : 100 * (best - none) / (perfect - none);
        return new Result(profile, bestThreshold, best, normalised, perfect, none);
    }
}
