/**
 * The chain as a tree of blocks: which blocks are accepted, which branch is the main chain
 * (most cumulative work), and how the state moves when the main chain changes. See
 * docs/chain-spec.md §3 and §6.
 */
package io.vantaechonebula.chain.fork;
