/** The JPA implementation of the chain's {@code ChainStore} port: blocks, main-chain index, accounts, transaction index and head, per chain. */
package io.vantaechonebula.node.chain.store;
