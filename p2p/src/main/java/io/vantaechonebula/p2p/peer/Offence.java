package io.vantaechonebula.p2p.peer;

/** What a peer can do wrong, and what it costs its reputation (docs/p2p-spec.md §5). */
public enum Offence {
    INVALID_BLOCK(50),
    INVALID_VOTE(25),
    MALFORMED_MESSAGE(20),
    INVALID_TRANSACTION(10),
    TOO_MANY_REQUESTS(5);

    private final int cost;

    Offence(int cost) {
        this.cost = cost;
    }

    public int cost() {
        return cost;
    }
}
