/** MicroProfile Health checks: liveness of the JVM, readiness of the database and the broker. */
package io.vantaechonebula.web.health;
