package io.playbooks.storage;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a unit of work in one transaction: committed when it returns, rolled back when anything throws, so no
 * half-written playbook is ever visible. Work that lost a race with a concurrent writer (unique key taken,
 * lock timeout, serialization failure) is run again from the start in a fresh transaction. On a thread with a
 * {@link SharedTransaction} open on the same database the work joins that one instead and is committed with the rest
 * of it: a unique key taken runs it again from its savepoint, but a failure that may have ended the whole transaction
 * (deadlock, serialization failure, lock timeout) is not retried within it: the shared transaction is rolled back.
 */
public final class Transactions {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final int ATTEMPTS = 5;
    /** unique violation (both), serialization failure, deadlock (PostgreSQL), lock timeout (H2). */
    private static final Set<String> RACE_STATES = Set.of("23505", "40001", "40P01", "HYT00");
    /** H2 "concurrent update in table": a row changed under an open transaction. */
    private static final int H2_CONCURRENT_UPDATE = 90131;

    private final DataSource dataSource;

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T run(String what, Work<T> work) {
        SharedTransaction shared = SharedTransaction.on(dataSource);
        for (int attempt = 1; ; attempt++) {
            try {
                return shared != null ? shared.run(work) : once(work);
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && lostRace(e) && (shared == null || !shared.rollbackOnly())) {
                    continue;
                }
                throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * On a thread with a {@link SharedTransaction} open on this database: its before-commit work of that key (created
     * by {@code create} when first asked), which the caller adds to; else null, and the caller writes at once.
     */
    public <T extends SharedTransaction.BeforeCommit> T beforeCommit(Object key, Supplier<T> create) {
        SharedTransaction shared = SharedTransaction.on(dataSource);
        return shared == null ? null : shared.beforeCommit(key, create);
    }

    private <T> T once(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            }
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static boolean lostRace(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && (sql.getSQLState() != null && RACE_STATES.contains(sql.getSQLState())
                        || sql.getErrorCode() == H2_CONCURRENT_UPDATE)) {
                return true;
            }
        }
        return false;
    }
}
