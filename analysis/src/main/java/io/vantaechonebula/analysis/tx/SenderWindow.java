package io.vantaechonebula.analysis.tx;

import io.vantaechonebula.chain.crypto.Address;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How many transactions each sender sent in its current minute, for the most recently active
 * senders (bounded). A sender's minute starts with its first transaction after the last one ended.
 */
final class SenderWindow {

    private static final class Window {
        long startMs;
        int count;
    }

    /** A transaction counted: the sender's count in its current window, and the count of the window it closed, if any. */
    record Counted(int current, OptionalInt closed) {
    }

    private final long windowMs;
    private final Map<Address, Window> windows;

    SenderWindow(long windowMs, int maxSenders) {
        this.windowMs = windowMs;
        this.windows = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Address, Window> eldest) {
                return size() > maxSenders;
            }
        };
    }

    Counted add(Address sender, long nowMs) {
        Window window = windows.get(sender);
        if (window == null) {
            window = new Window();
            window.startMs = nowMs;
            windows.put(sender, window);
        }
        OptionalInt closed = OptionalInt.empty();
        if (nowMs - window.startMs >= windowMs) {
            closed = OptionalInt.of(window.count);
            window.startMs = nowMs;
            window.count = 0;
        }
        window.count++;
        return new Counted(window.count, closed);
    }
}
