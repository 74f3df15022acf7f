package io.vantaechonebula.agent.broker;

import io.vantaechonebula.telemetry.collector.JmsBatchSender;
import io.vantaechonebula.telemetry.signing.NodeSigner;
import java.util.Optional;

/** The pool's broker, whichever server runs it: OpenMQ on Payara ({@code mq://}, {@code mqssl://}), Artemis on WildFly ({@code tcp://}). */
public final class Brokers {

    private Brokers() {
    }

    /** The broker's address, checked, from what an operator wrote. */
    public static String address(String url, String option) {
        return ArtemisBroker.names(url) ? ArtemisBroker.address(url, option) : OpenMqBroker.address(url, option);
    }

    /** A sender onto NodeData of the broker at an address {@link #address} gave. */
    public static JmsBatchSender sender(String address, JmsBatchSender.Login login, Optional<NodeSigner> signer) {
        return ArtemisBroker.names(address) ? ArtemisBroker.sender(address, login, signer) : OpenMqBroker.sender(address, login, signer);
    }
}
