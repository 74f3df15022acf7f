package io.vantaechonebula.node.running;

import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Whether a chain's miners wait (docs/p2p-spec.md S6), asked at most once a second whatever the number of
 * miner threads, and logged when they start waiting and when they mine again.
 */
final class MiningHold {

    private static final Logger LOG = Logger.getLogger(MiningHold.class.getName());
    private static final long ASK_EVERY_MS = 1_000;

    private final String chainName;
    private final LongSupplier clock;
    private volatile Supplier<Optional<String>> reasons = Optional::empty;
    private Optional<String> reason = Optional.empty();
    private boolean asked;
    private long askedAtMs;

    MiningHold(String chainName, LongSupplier clock) {
        this.chainName = chainName;
        this.clock = clock;
    }

    void follow(Supplier<Optional<String>> reasons) {
        this.reasons = reasons;
    }

    synchronized Optional<String> reason() {
        long now = clock.getAsLong();
        if (asked && now - askedAtMs < ASK_EVERY_MS) {
            return reason;
        }
        asked = true;
        askedAtMs = now;
        Optional<String> next = reasons.get();
        if (next.isPresent() && reason.isEmpty()) {
            LOG.info(() -> "Miners of " + chainName + " wait: this node is " + next.get() + "; they mine again once it has"
                    + " caught up");
        } else if (next.isEmpty() && reason.isPresent()) {
            LOG.info(() -> "Miners of " + chainName + " mine again: this node has caught up with its peers");
        }
        reason = next;
        return reason;
    }
}
