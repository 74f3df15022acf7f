package io.vantaechonebula.pool.store;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of recently stored batches, kept in memory so that the stages read them once from
 * the intake instead of five times from the database. A batch leaves when every stage has taken
 * it, or, oldest first, when more than {@value #MAX_SAMPLES} samples are kept; a stage that misses
 * reads the database. Only what a committed transaction stored is ever asked for (a stage sees a
 * batch only once its pending rows are committed), so an entry of a rolled-back intake is never read.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RecentBatches {

    static final int MAX_SAMPLES = 200_000;

    private record Entry(List<StoredSample> samples, int[] stagesLeft) {
    }

    private final Map<Long, Entry> batches = new LinkedHashMap<>();
    private int samples;

    public synchronized void put(long batchId, List<StoredSample> batchSamples, int stages) {
        if (batches.put(batchId, new Entry(List.copyOf(batchSamples), new int[] {stages})) == null) {
            samples += batchSamples.size();
        }
        var oldest = batches.entrySet().iterator();
        while (samples > MAX_SAMPLES && oldest.hasNext()) {
            samples -= oldest.next().getValue().samples().size();
            oldest.remove();
        }
    }

    /** The batch's samples for one stage, or null when they are no longer kept. */
    public synchronized List<StoredSample> take(long batchId) {
        Entry entry = batches.get(batchId);
        if (entry == null) {
            return null;
        }
        if (--entry.stagesLeft()[0] <= 0) {
            batches.remove(batchId);
            samples -= entry.samples().size();
        }
        return entry.samples();
    }
}
