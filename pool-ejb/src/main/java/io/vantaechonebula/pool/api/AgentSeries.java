package io.vantaechonebula.pool.api;

/** An agent's streaming statistics taken together: how many series and how many values they learnt. */
public record AgentSeries(long count, long values) {

    public static final AgentSeries NONE = new AgentSeries(0, 0);
}
