/**
 * The {@link io.vantaechonebula.chain.store.ChainStore} port through which the chain keeps blocks,
 * the main-chain index, accounts and undo records, and an in-memory implementation.
 */
package io.vantaechonebula.chain.store;
