/** {@code vanta node}: a node's collector outside the application server. */
package io.vantaechonebula.agent.node;
