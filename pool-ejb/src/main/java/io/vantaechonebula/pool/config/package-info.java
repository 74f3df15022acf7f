/** The pool's settings: whether this server runs the pool, and why not when it does not. */
package io.vantaechonebula.pool.config;
