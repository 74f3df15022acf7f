/** Signed transactions: their types, canonical encoding, ids, and the reasons one is refused. See docs/chain-spec.md §2. */
package io.vantaechonebula.chain.tx;
