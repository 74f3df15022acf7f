package io.vantaechonebula.node.api;

/** A block's figures against its chain, and its transactions scored after the history below it. */
public record BlockAssessment(BlockFigures figures, TransactionsAssessment transactions) {
}
