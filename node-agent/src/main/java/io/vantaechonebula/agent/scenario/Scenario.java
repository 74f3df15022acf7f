package io.vantaechonebula.agent.scenario;

import java.util.Set;

/**
 * One labelled scenario: traffic the generator sends to the running system, and the alerts that detect it.
 *
 * @param detectedBy the alert kinds that detect it; empty for normal traffic, which nothing should alert on
 */
record Scenario(String name, Set<String> detectedBy, Play play) {

    /** Sends the scenario's usual traffic, then its attack; says where the agents' alerts about it will be. */
    interface Play {
        Played play(SystemClient system, String tag) throws InterruptedException;
    }

    /**
     * @param nodeId        the node its alerts are about, or null
     * @param chain         the chain its alerts are about, or null
     * @param sender        the sender its alerts name in their evidence, or null
     * @param attackStartMs when the attack began; -1 for normal traffic
     * @param keepAlive     sent each second while the alerts are awaited, so a node that is not meant to fall silent does not
     */
    record Played(String nodeId, String chain, String sender, long attackStartMs, Runnable keepAlive) {
    }
}
