/**
 * Node telemetry, schema version 1: the batch and contribution payloads that nodes send, their
 * validation, and the samples they carry. The same code checks a payload at the HTTP door, on
 * arrival from the JMS queue, and in the node agent before it sends.
 */
package io.vantaechonebula.telemetry;
