package io.vantaechonebula.node.database;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Rewrites the emptiest chunks of an embedded H2 database, as H2's background writer does when
 * {@code WRITE_DELAY} is above 0. With {@code WRITE_DELAY=0}, which a commit needs to survive
 * {@code kill -9}, H2 2.2 starts no background writer, never rewrites half-empty chunks, and its
 * file grows without bound under steady writes (h2database issues #442 and #3848). The space of a
 * rewritten chunk is reused once H2's retention time (45 s by default) has passed.
 *
 * <p>H2 offers this only through its store's Java API, which Payara's module system hides from
 * the application, so it is reached by reflection on the connection's own objects.
 */
final class H2Compaction {

    private final Object mvStore;

    private H2Compaction(Object mvStore) {
        this.mvStore = mvStore;
    }

    /** The compaction of the H2 database behind the connection; empty for any other database or a server-mode H2. */
    static Optional<H2Compaction> of(Connection connection) throws SQLException {
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return Optional.empty();
        }
        Object h2 = physical(connection);
        Object session = call(h2, "getSession");
        if (!session.getClass().getName().equals("org.h2.engine.SessionLocal")) {
            return Optional.empty();
        }
        Object store = call(call(session, "getDatabase"), "getStore");
        return store == null ? Optional.empty() : Optional.of(new H2Compaction(call(store, "getMvStore")));
    }

    /**
     * Rewrites up to {@code writeLimit} bytes of live data out of the emptiest chunks, if the
     * chunks are on the whole less than {@code targetFillRate} percent live.
     *
     * @return whether anything was rewritten
     */
    boolean compact(int targetFillRate, int writeLimit) {
        return (Boolean) call(mvStore, "compact", targetFillRate, writeLimit);
    }

    /** How much of the chunk data is live, in percent. */
    int chunksFillRate() {
        return (Integer) call(call(mvStore, "getFileStore"), "getChunksFillRate");
    }

    /**
     * The server hands out its own wrapper around the driver's connection: Payara's gives it with
     * {@code getConnection()}, WildFly's with {@code getUnderlyingConnection()}.
     */
    private static Object physical(Connection connection) {
        Object candidate = connection;
        for (int depth = 0; depth < 4; depth++) {
            if (isH2Connection(candidate.getClass())) {
                return candidate;
            }
            candidate = call(candidate, hasPublic(candidate, "getUnderlyingConnection") ? "getUnderlyingConnection" : "getConnection");
        }
        throw new IllegalStateException("Found no H2 connection inside " + connection.getClass().getName());
    }

    private static boolean hasPublic(Object target, String method) {
        try {
            target.getClass().getMethod(method);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The driver's own connection or a subclass of it (an XA data source hands out one). */
    private static boolean isH2Connection(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals("org.h2.jdbc.JdbcConnection")) {
                return true;
            }
        }
        return false;
    }

    private static Object call(Object target, String method, Object... arguments) {
        Class<?>[] types = new Class<?>[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            types[i] = arguments[i] instanceof Integer ? int.class : arguments[i].getClass();
        }
        try {
            return target.getClass().getMethod(method, types).invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("H2's " + method + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This H2 has no public " + method + " on " + target.getClass().getName()
                    + "; housekeeping needs H2 2.2", e);
        }
    }
}
