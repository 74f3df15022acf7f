package io.vantaechonebula.operators;

import java.util.Locale;

/** What an operator may do: viewers read, operators also acknowledge and act, admins also manage. */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the roles there are */
    public static Role of(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + id + "': use admin, operator or viewer");
    }
}
