/** The nodes this one talks with: their standing, their limits, and the table that holds them. */
package io.vantaechonebula.p2p.peer;
