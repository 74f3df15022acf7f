package io.vantaechonebula.agent.nab;

import java.util.List;

/**
 * One benchmark file after the detector ran: each row's anomaly score, in order, and its labelled
 * windows as row indices.
 */
public record LabelledSeries(String name, double[] scores, List<Window> windows) {

    /** A labelled anomaly window, from row {@code first} to row {@code last}, both included. */
    public record Window(int first, int last) {

        public Window {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("a window runs from a row to the same or a later one, not " + first
                        + " to " + last);
            }
        }

        int width() {
            return last - first + 1;
        }
    }

    public LabelledSeries {
        scores = scores.clone();
        windows = List.copyOf(windows);
        for (int i = 1; i < windows.size(); i++) {
            if (windows.get(i).first() <= windows.get(i - 1).last()) {
                throw new IllegalArgumentException(name + ": windows must be in order and apart");
            }
        }
        if (!windows.isEmpty() && windows.get(windows.size() - 1).last() >= scores.length) {
            throw new IllegalArgumentException(name + ": a window ends after the last row");
        }
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    /** Rows at the start whose detections count for nothing: 15 % of the file, at most 750. */
    public int probationaryRows() {
        return Math.min((int) Math.floor(0.15 * scores.length), 750);
    }

    double score(int row) {
        return scores[row];
    }
}
