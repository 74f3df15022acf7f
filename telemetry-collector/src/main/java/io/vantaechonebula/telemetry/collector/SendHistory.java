package io.vantaechonebula.telemetry.collector;

/** The outcome of the last few sends: the connection quality a node reports. */
final class SendHistory {

    private final boolean[] outcomes;
    private int recorded;
    private int next;

    SendHistory(int size) {
        this.outcomes = new boolean[size];
    }

    synchronized void record(boolean success) {
        outcomes[next] = success;
        next = (next + 1) % outcomes.length;
        recorded = Math.min(recorded + 1, outcomes.length);
    }

    /** The share of the recent sends that the pool took; 1 while nothing has been sent or failed. */
    synchronized double successShare() {
        if (recorded == 0) {
            return 1;
        }
        int successes = 0;
        for (int i = 0; i < recorded; i++) {
            if (outcomes[i]) {
                successes++;
            }
        }
        return (double) successes / recorded;
    }
}
