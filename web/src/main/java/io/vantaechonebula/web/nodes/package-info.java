/** The nodes the pool has heard from, their stored samples, and the keys they registered. */
package io.vantaechonebula.web.nodes;
