package io.vantaechonebula.pool.findings;

/** Findings for tests of other packages, as the recorder would open them. */
public final class Findings {

    private Findings() {
    }

    public static Finding of(FindingReport report) {
        return new Finding(report);
    }
}
