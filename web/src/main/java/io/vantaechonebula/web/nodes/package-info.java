/** The nodes the pool has heard from, and their stored samples. */
package io.vantaechonebula.web.nodes;
