package io.vantaechonebula.pool.api;

/** The pool's intake queue is at its bound: the sender should retry later, nothing was queued. */
public class PoolFullException extends Exception {

    public PoolFullException(String message) {
        super(message);
    }
}
