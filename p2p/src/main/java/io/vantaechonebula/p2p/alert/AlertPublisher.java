package io.vantaechonebula.p2p.alert;

/** Where a node's own transaction alerts go: to every peer that runs the alert's chain. */
@FunctionalInterface
public interface AlertPublisher {

    void publish(TransactionAlert alert);
}
