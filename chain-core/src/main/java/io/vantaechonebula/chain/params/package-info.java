/** Each chain's parameters (docs/chain-spec.md §1): read from the files in the project's config/chains folder, read by every rule. */
package io.vantaechonebula.chain.params;
