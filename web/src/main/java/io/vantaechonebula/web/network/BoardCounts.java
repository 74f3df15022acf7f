package io.vantaechonebula.web.network;

import io.vantaechonebula.pool.api.NetworkCounts;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The board's counts of nodes and open findings, one reading for every viewer: counting tens of
 * thousands of nodes and alerts costs the database the same whoever asks, so it is done at most once
 * every {@value #FRESH_MS} ms, in the background while someone watches, and the page says when.
 */
@ApplicationScoped
public class BoardCounts {

    static final long FRESH_MS = 5_000;
    /** Read again before answering when nobody asked for this long: a page opened then shows the counts of now. */
    static final long STALE_MS = 60_000;

    @Inject
    private NetworkBoard board;

    @Resource
    private ManagedExecutorService executor;

    private SharedReading<NetworkCounts> counts;

    @PostConstruct
    void init() {
        counts = new SharedReading<>(board::counts, executor, System::currentTimeMillis, FRESH_MS, STALE_MS);
    }

    public SharedReading.Reading<NetworkCounts> get() {
        return counts.get();
    }
}
