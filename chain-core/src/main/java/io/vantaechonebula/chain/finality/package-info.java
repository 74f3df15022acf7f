/**
 * Staked-validator finality (docs/chain-spec.md §8.2): votes, the conflicts that are slashable
 * evidence, the tally that makes a block final, and its certificate.
 */
package io.vantaechonebula.chain.finality;
