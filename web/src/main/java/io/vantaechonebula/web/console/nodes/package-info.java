/** The console's Nodes page (the nodes the pool hears from, paged and sorted in the database) and a node's own page. */
package io.vantaechonebula.web.console.nodes;
