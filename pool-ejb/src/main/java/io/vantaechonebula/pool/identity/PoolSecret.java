package io.vantaechonebula.pool.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A secret the pool keeps across restarts (the door's seal key), made once at random. */
@Entity
@Table(name = "pool_secret")
public class PoolSecret {

    @Id
    @Column(length = 32)
    private String name;

    @Column(name = "secret", length = 128, nullable = false)
    private String secret;

    protected PoolSecret() {
    }

    PoolSecret(String name, String secret) {
        this.name = name;
        this.secret = secret;
    }

    String secret() {
        return secret;
    }
}
