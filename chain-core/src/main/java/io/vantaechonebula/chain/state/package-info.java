/** Account state and the state transition: what a transaction and a block change, how to undo it, and the state root. See docs/chain-spec.md §2.3 and §3.3. */
package io.vantaechonebula.chain.state;
