package io.vantaechonebula.pool.api;

/** A node id already bound to another key, or revoked: only an admin can change that. */
public class RegistrationConflictException extends Exception {

    public RegistrationConflictException(String message) {
        super(message);
    }
}
