/** The console's Operators page (admin): who may log in and with which roles, in the file ./vanta operator shares. */
package io.vantaechonebula.web.console.operators;
