/**
 * The canonical byte encoding that signatures, ids and hashes are computed over: fixed-width
 * big-endian integers, and length-prefixed byte strings and UTF-8 text. One value has exactly
 * one encoding. See docs/chain-spec.md §1.
 */
package io.vantaechonebula.chain.encoding;
