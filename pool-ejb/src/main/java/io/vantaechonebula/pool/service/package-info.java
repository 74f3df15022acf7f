/** The beans behind the pool's API ({@code pool.api}) that draw on several agents' statistics and findings. */
package io.vantaechonebula.pool.service;
