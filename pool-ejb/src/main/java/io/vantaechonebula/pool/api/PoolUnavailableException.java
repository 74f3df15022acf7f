package io.vantaechonebula.pool.api;

import jakarta.ejb.ApplicationException;

/** The pool's broker could not take a payload; nothing was queued and the sender should retry. */
@ApplicationException(rollback = true)
public class PoolUnavailableException extends Exception {

    public PoolUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
