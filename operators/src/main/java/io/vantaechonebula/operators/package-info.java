/** Who may log in, with which roles: the operators file and its password hashes. */
package io.vantaechonebula.operators;
