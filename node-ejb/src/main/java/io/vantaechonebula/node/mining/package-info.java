/** Proof-of-work mining on this node's chains, and the hash rate it reaches. */
package io.vantaechonebula.node.mining;
