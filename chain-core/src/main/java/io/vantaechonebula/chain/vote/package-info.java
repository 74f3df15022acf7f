/**
 * Validators' votes (docs/chain-spec.md §8.2): a signed vote on a block at a height and round, and two
 * conflicting votes as slashable evidence. Finality tallies them; the state transition slashes with them.
 */
package io.vantaechonebula.chain.vote;
