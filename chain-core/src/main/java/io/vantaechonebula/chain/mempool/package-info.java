/** Transactions waiting for a block: bounded, best fee first, in nonce order per sender. See docs/chain-spec.md §7. */
package io.vantaechonebula.chain.mempool;
