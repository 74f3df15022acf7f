package io.vantaechonebula.node.api;

import io.vantaechonebula.chain.account.Account;

/**
 * An account at the head.
 *
 * @param nextNonce the nonce its next transaction takes, counting its transactions waiting in the mempool
 */
public record AccountState(Account account, long nextNonce) {
}
