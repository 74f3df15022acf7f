package io.vantaechonebula.pool.stage;

import io.vantaechonebula.pool.api.SampleView;

/** How processors name what a statistic is about. */
public final class Subjects {

    private Subjects() {
    }

    public static String node(String nodeId) {
        return "node:" + nodeId;
    }

    public static String chain(String chainId) {
        return "chain:" + chainId;
    }

    /** One node on one chain. */
    public static String nodeOnChain(SampleView sample) {
        return "node:" + sample.nodeId() + "/" + sample.chainId();
    }
}
