package io.vantaechonebula.it;

import io.vantaechonebula.operators.Operator;
import io.vantaechonebula.operators.OperatorsFile;
import io.vantaechonebula.operators.PasswordHash;
import io.vantaechonebula.operators.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The tests' own people, added to the server's operators file as {@code ./vanta operator add} does
 * (the server reads the file on change): ada the admin, alice the operator and vic the viewer.
 */
final class TestOperators {

    static final String ADMIN = "ada";
    static final String ADMIN_PASSWORD = "admin-password-" + System.nanoTime();
    static final String OPERATOR = "alice";
    static final String VIEWER = "vic";
    static final String OPERATOR_PASSWORD = "operator-password-" + System.nanoTime();
    static final String VIEWER_PASSWORD = "viewer-password-" + System.nanoTime();
    private static boolean added;

    private TestOperators() {
    }

    static synchronized void add() {
        if (added) {
            return;
        }
        Path file = ServerControl.configDir().resolve("vanta-operators");
        try {
            OperatorsFile.put(file, new Operator(ADMIN, Set.of(Role.ADMIN), PasswordHash.hash(ADMIN_PASSWORD.toCharArray())));
            OperatorsFile.put(file, new Operator(OPERATOR, Set.of(Role.OPERATOR), PasswordHash.hash(OPERATOR_PASSWORD.toCharArray())));
            OperatorsFile.put(file, new Operator(VIEWER, Set.of(Role.VIEWER), PasswordHash.hash(VIEWER_PASSWORD.toCharArray())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        added = true;
    }

    /** A request as the admin; body null for none. */
    static Api.Answer asAdmin(String method, String path, String body) {
        add();
        return Api.sendAs(method, path, body, ADMIN, ADMIN_PASSWORD);
    }

    /** A GET as the viewer. */
    static Api.Answer getAsViewer(String path) {
        add();
        return Api.getAs(path, VIEWER, VIEWER_PASSWORD);
    }
}
