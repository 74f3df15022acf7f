package io.vantaechonebula.pool.pipeline;

import java.util.List;

/** The pipeline's figures: what comes in, what each processor did, what training took. */
public record PipelineSnapshot(double samplesStoredPerSecond, List<ProcessorSnapshot> processors,
                               long trainingRecordsTaken, double trainingRecordsPerSecond) {
}
