/**
 * The Numenta Anomaly Benchmark harness ({@code ./vanta nab}): streams each series through the Pattern
 * Recognizer row by row and scores the detections by the benchmark's published rules (../shared/nab/README.md).
 */
package io.vantaechonebula.agent.nab;
