/**
 * The Pattern Recognizer: streaming anomaly detection on one metric stream, scored row by row with
 * no look-ahead. The pool runs it on every node's metric streams; {@code ./vanta nab} runs the same
 * code on the Numenta Anomaly Benchmark.
 */
package io.vantaechonebula.analysis.pattern;
