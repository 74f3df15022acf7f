/** The node's settings, read through MicroProfile Config under {@code vanta.*} keys. */
package io.vantaechonebula.node.config;
