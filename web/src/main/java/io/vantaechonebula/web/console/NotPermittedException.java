package io.vantaechonebula.web.console;

/** A console action the logged-in operator's roles do not allow; the page shows the message, nothing changes. */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}
