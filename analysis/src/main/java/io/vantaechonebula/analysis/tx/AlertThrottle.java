package io.vantaechonebula.analysis.tx;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.p2p.alert.Reason;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which anomalous transactions become alerts: the first for a sender and reason, then none for that
 * pair for a quiet period, so a burst of a thousand transactions raises one alert and not a thousand.
 * Thread-safe.
 */
public final class AlertThrottle {

    private static final int PAIRS_REMEMBERED = 10_000;

    private record Key(String chainId, Address sender, Reason reason) {
    }

    private final long quietMs;
    private final Map<Key, Long> lastAlertMs = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Long> eldest) {
            return size() > PAIRS_REMEMBERED;
        }
    };

    public AlertThrottle(long quietMs) {
        this.quietMs = quietMs;
    }

    /** Whether the score should be raised as an alert now; counts it as raised if so. */
    public synchronized boolean admit(TransactionScore score, long nowMs) {
        if (!score.anomalous()) {
            return false;
        }
        TransactionFeatures features = score.features();
        boolean news = false;
        for (Finding finding : score.findings()) {
            Key key = new Key(features.chainId(), features.sender(), finding.reason());
            Long last = lastAlertMs.get(key);
            if (last == null || nowMs - last >= quietMs) {
                lastAlertMs.put(key, nowMs);
                news = true;
            }
        }
        return news;
    }
}
