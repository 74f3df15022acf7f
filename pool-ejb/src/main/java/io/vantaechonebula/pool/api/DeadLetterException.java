package io.vantaechonebula.pool.api;

import jakarta.ejb.ApplicationException;

/** A dead letter that is not there (any more), or that cannot be sent again; nothing was changed. */
@ApplicationException(rollback = true)
public class DeadLetterException extends Exception {

    private static final long serialVersionUID = 1;

    public DeadLetterException(String message) {
        super(message);
    }
}
