package io.vantaechonebula.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.operators.Operator;
import io.vantaechonebula.operators.Role;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {

    private static final Operator ALICE = new Operator("alice", Set.of(Role.OPERATOR), "hash-1");
    private static final long MINUTE = 60_000;

    @Test
    void aSessionHoldsWhileItsOperatorClicksWithinTheTimeout() {
        assertThat(ConsoleSessions.endOf(Optional.of(ALICE), "hash-1", 0, 30 * MINUTE, 30)).isEmpty();
    }

    @Test
    void aSessionEndsAfterTheTimeoutWithoutAClick() {
        assertThat(ConsoleSessions.endOf(Optional.of(ALICE), "hash-1", 0, 30 * MINUTE + 1, 30))
                .hasValue("Your session ended after 30 minutes without a click; log in again.");
    }

    @Test
    void aNewPasswordADisabledOrARemovedOperatorEndsTheSessionAtOnce() {
        assertThat(ConsoleSessions.endOf(Optional.of(ALICE.withPasswordHash("hash-2")), "hash-1", 0, 1, 30).orElseThrow())
                .contains("password was changed");
        assertThat(ConsoleSessions.endOf(Optional.of(ALICE.withDisabled(true)), "hash-1", 0, 1, 30).orElseThrow())
                .contains("removed or disabled");
        assertThat(ConsoleSessions.endOf(Optional.empty(), "hash-1", 0, 1, 30).orElseThrow()).contains("removed or disabled");
    }

    @Test
    void aChangeOfRolesKeepsTheSession() {
        assertThat(ConsoleSessions.endOf(Optional.of(ALICE.withRoles(Set.of(Role.VIEWER))), "hash-1", 0, 1, 30)).isEmpty();
    }
}
