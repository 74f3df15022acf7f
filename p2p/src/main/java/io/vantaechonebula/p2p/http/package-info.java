/**
 * The protocol over HTTP/JSON (docs/p2p-spec.md §1–3): the JSON of each message, the calls a node
 * makes ({@link io.vantaechonebula.p2p.http.HttpPeerClient}), and the answers it gives
 * ({@link io.vantaechonebula.p2p.http.P2pHttpApi}), which a JAX-RS resource or the JDK's HTTP server
 * hands each request to.
 */
package io.vantaechonebula.p2p.http;
