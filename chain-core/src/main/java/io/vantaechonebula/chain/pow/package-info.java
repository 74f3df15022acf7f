/** Proof of work (double SHA-256 of the header at or below its target), the ASERT difficulty rule, chain work, and the miners' hash rate. See docs/chain-spec.md §4. */
package io.vantaechonebula.chain.pow;
