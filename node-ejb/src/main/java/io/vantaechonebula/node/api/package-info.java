/**
 * The node's interface to the tiers above it: {@code @Local} service interfaces and the values they return,
 * the only part of the node module the web tier may import (docs/architecture.md). The beans behind them
 * live beside what they use ({@code node.chain}, {@code node.p2p}).
 */
package io.vantaechonebula.node.api;
