package io.vantaechonebula.agent.wallet;

/** A wallet command that cannot go on, with what to do about it. */
final class WalletException extends Exception {

    WalletException(String message) {
        super(message);
    }
}
