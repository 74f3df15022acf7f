package io.vantaechonebula.p2p.peer;

/**
 * A peer's standing: it starts at {@value #MAX}, loses points for each offence and earns one back
 * for each new, valid block or transaction it brings, up to {@value #MAX}. At zero or below the
 * peer is banned for the configured time; after the ban it starts again at {@value #AFTER_BAN}.
 * Not thread-safe: {@link Peer} guards it.
 */
public final class Reputation {

    public static final int MAX = 100;
    public static final int AFTER_BAN = 50;

    private int score = MAX;
    private long bannedUntilMs;

    int score() {
        return score;
    }

    /**
     * Takes the offence's cost.
     *
     * @return whether this offence banned the peer
     */
    boolean penalise(Offence offence, long nowMs, long banMs) {
        score -= offence.cost();
        if (score <= 0 && !isBanned(nowMs)) {
            bannedUntilMs = nowMs + banMs;
            return true;
        }
        return false;
    }

    void reward() {
        score = Math.min(MAX, score + 1);
    }

    boolean isBanned(long nowMs) {
        if (bannedUntilMs != 0 && nowMs >= bannedUntilMs) {
            bannedUntilMs = 0;
            score = AFTER_BAN;
        }
        return bannedUntilMs != 0;
    }

    /** An operator ends the ban: the peer starts again as after a ban that ran out. */
    void liftBan() {
        bannedUntilMs = 0;
        score = AFTER_BAN;
    }

    long bannedUntilMs() {
        return bannedUntilMs;
    }
}
