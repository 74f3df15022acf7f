/** The signed introduction two nodes exchange before anything else, and what makes one refuse the other. */
package io.vantaechonebula.p2p.handshake;
