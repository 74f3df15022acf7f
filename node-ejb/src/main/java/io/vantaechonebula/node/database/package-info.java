/** The application's database itself: keeping the embedded H2 file in shape while it runs. */
package io.vantaechonebula.node.database;
