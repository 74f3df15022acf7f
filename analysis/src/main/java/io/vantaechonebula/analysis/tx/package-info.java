/**
 * The Transaction Analyzer (docs/analysis.md): per-transaction features, an anomaly score learnt
 * online per chain, and the signed alert a node sends its peers when a score is anomalous. The
 * simple nodes and the pool run this same code.
 */
package io.vantaechonebula.analysis.tx;
