package io.vantaechonebula.pool.findings;

import io.vantaechonebula.pool.stage.FindingReport;

/** Findings for tests of other packages, as the recorder would open them. */
public final class Findings {

    private Findings() {
    }

    public static Finding of(FindingReport report) {
        return new Finding(report);
    }
}
