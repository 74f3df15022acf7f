/**
 * The Transaction Analyzer (docs/analysis.md): per-transaction features, an anomaly score learnt
 * online per chain, and the alert it raises when a score is anomalous, in the wire form the
 * peer-to-peer protocol defines ({@code io.vantaechonebula.p2p.alert}). The simple nodes and the pool run
 * this same code.
 */
package io.vantaechonebula.analysis.tx;
