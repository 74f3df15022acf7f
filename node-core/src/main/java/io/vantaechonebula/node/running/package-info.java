/**
 * A chain running in a node, plain Java shared by the server and the light node: blockchain, mempool,
 * finality, counters and head version in {@link io.vantaechonebula.node.running.RunningChain}, and the
 * protocol's view of a node's chains in {@link io.vantaechonebula.node.running.RunningChains}. The
 * server supplies its JTA transactions and its cached head accounts; a light node, its store's own commits.
 */
package io.vantaechonebula.node.running;
