package io.vantaechonebula.node.api;

import jakarta.ejb.ApplicationException;

/** A chain name this node does not run. */
@ApplicationException
public class UnknownChainException extends RuntimeException {

    public UnknownChainException(String name, Iterable<String> known) {
        super("This node runs no chain '" + name + "'; it runs " + String.join(", ", known));
    }
}
