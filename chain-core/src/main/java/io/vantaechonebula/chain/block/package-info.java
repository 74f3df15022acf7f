/** Blocks: the header that proof of work is computed over, the body of transactions, and the Merkle root that joins them. See docs/chain-spec.md §3. */
package io.vantaechonebula.chain.block;
