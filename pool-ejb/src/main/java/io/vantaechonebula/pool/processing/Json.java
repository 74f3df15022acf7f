package io.vantaechonebula.pool.processing;

import jakarta.json.spi.JsonProvider;

/** The JSON provider, looked up once: each lookup goes through the server's class loaders. */
final class Json {

    static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {
    }
}
