/**
 * Staked-validator finality (docs/chain-spec.md §8.2): the validator set, the tally of votes that makes a
 * block final, and its certificate.
 */
package io.vantaechonebula.chain.finality;
