/** The JSON form of chain objects, one definition for the node's REST API and every client of it. */
package io.vantaechonebula.chain.json;
