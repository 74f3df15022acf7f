package io.vantaechonebula.pool.api;

/** A payload or registration whose sender did not prove who it is; nothing of it was stored. */
public class SenderRefusedException extends Exception {

    public SenderRefusedException(String message) {
        super(message);
    }
}
