package io.vantaechonebula.pool.api;

import java.util.List;

/**
 * The pipeline's figures: what comes in, what each processor did, what training took, what each
 * watch did; a watch's batches are its runs, its samples the items it went over; a learner's
 * batches are its batches of training records, its samples the records.
 *
 * @param sentToStoredP50Millis median time from a node's send to its samples' storing, over the
 *                              last minute; -1 when nothing was stored in it
 */
public record PipelineSnapshot(double samplesStoredPerSecond, long sentToStoredP50Millis, long sentToStoredP99Millis,
                               List<ProcessorSnapshot> processors, long trainingRecordsTaken,
                               double trainingRecordsPerSecond, List<ProcessorSnapshot> watches,
                               List<ProcessorSnapshot> learners) {
}
