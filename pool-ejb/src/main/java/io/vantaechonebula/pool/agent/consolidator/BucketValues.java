package io.vantaechonebula.pool.agent.consolidator;

/** Values of one metric in one bucket, gathered from a batch before they go to the stored aggregate. */
public final class BucketValues {

    private long count;
    private double sum;
    private double min;
    private double max;
    private double last;
    private long lastAtMs = Long.MIN_VALUE;

    public void add(double value, long atMs) {
        min = count == 0 ? value : Math.min(min, value);
        max = count == 0 ? value : Math.max(max, value);
        count++;
        sum += value;
        if (atMs >= lastAtMs) {
            last = value;
            lastAtMs = atMs;
        }
    }

    public long count() {
        return count;
    }

    public double sum() {
        return sum;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double last() {
        return last;
    }

    public long lastAtMs() {
        return lastAtMs;
    }
}
