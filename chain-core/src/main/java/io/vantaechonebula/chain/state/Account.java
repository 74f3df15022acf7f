package io.vantaechonebula.chain.state;

/** An account's balance and the nonce its next transaction must carry. */
public record Account(long balance, long nonce) {

    public static final Account EMPTY = new Account(0, 0);

    public boolean isEmpty() {
        return balance == 0 && nonce == 0;
    }
}
