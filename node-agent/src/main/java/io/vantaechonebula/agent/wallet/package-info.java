/** {@code vanta wallet}: keys, addresses, signed transfers and balances against a running node. */
package io.vantaechonebula.agent.wallet;
