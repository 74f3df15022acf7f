/**
 * The pool's interface to the tier above it: {@code @Local} service interfaces and the values they return,
 * the only part of the pool module the web tier is to import (docs/architecture.md).
 */
package io.vantaechonebula.pool.api;
