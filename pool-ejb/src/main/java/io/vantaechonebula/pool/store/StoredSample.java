package io.vantaechonebula.pool.store;

import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.telemetry.SampleExtensions;

/**
 * A stored sample as the stages take it: the sample, and its optional parts decoded once, by whichever
 * stage asks first (off the intake's path); the stages of one batch share it through {@link RecentBatches}.
 */
public final class StoredSample {

    private final SampleView sample;
    // Two stages asking at once may both decode; either result is the same value.
    private volatile SampleExtensions extensions;

    public StoredSample(SampleView sample) {
        this.sample = sample;
    }

    public SampleView sample() {
        return sample;
    }

    public SampleExtensions extensions() {
        SampleExtensions decoded = extensions;
        if (decoded == null) {
            decoded = SampleExtensions.decode(sample.extensionsJson());
            extensions = decoded;
        }
        return decoded;
    }
}
