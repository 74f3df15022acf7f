/**
 * The chains this node runs: one {@link io.vantaechonebula.node.running.RunningChain} per chain,
 * owned by the {@link io.vantaechonebula.node.chain.ChainRegistry} EJB, which gives them
 * transactions and a lifecycle.
 */
package io.vantaechonebula.node.chain;
