/**
 * The network's figures as the node and the pool give them now, for the console's board and for {@code /metrics}
 * alike; the costly counts read once for every viewer and every scrape.
 */
package io.vantaechonebula.web.network;
