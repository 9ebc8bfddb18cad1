package io.playbooks.storage;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One transaction that every {@link Transactions#run} of the opening thread on the same database joins until it is
 * committed or rolled back: the writes of one imported page (version, page check, event and deliveries, roll-up,
 * bulk import progress) commit together, once. Each joined unit of work runs within a savepoint, so a unit that
 * fails is undone alone and the rest of the transaction stays usable (a failed statement would otherwise poison it
 * on PostgreSQL). The connection is taken at the first unit of work, so work before it (converting a page) does not
 * hold one. Rows that every page changes (counters) are written once, just before the commit ({@link BeforeCommit}):
 * transactions running side by side then hold them only for their commit.
 */
public final class SharedTransaction {

    private static final ThreadLocal<SharedTransaction> CURRENT = new ThreadLocal<>();

    /** Work that the units of a transaction add to, done once just before it commits, on the same transaction. */
    public interface BeforeCommit {
        void flush();
    }

    private final DataSource dataSource;
    private final Map<Object, BeforeCommit> beforeCommit = new LinkedHashMap<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private Connection connection;

    private SharedTransaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens a shared transaction on this thread.
     *
     * @throws IllegalStateException when this thread has one open already
     */
    public static SharedTransaction begin(DataSource dataSource) {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("a shared transaction is open on this thread already");
        }
        SharedTransaction transaction = new SharedTransaction(dataSource);
        CURRENT.set(transaction);
        return transaction;
    }

    /** Whether this thread has a shared transaction open. */
    public static boolean open() {
        return CURRENT.get() != null;
    }

    /**
     * Runs {@code action} once the shared transaction of this thread commits (never when it rolls back), or at once
     * when there is none: what tells others about a write must not run before they can read it.
     */
    public static void afterCommit(Runnable action) {
        SharedTransaction current = CURRENT.get();
        if (current == null) {
            action.run();
        } else {
            current.afterCommit.add(action);
        }
    }

    /** The shared transaction of this thread on that database, or null. */
    static SharedTransaction on(DataSource dataSource) {
        SharedTransaction current = CURRENT.get();
        return current != null && current.dataSource == dataSource ? current : null;
    }

    /** The before-commit work of that key, created by {@code create} when the first unit asks for it. */
    <T extends BeforeCommit> T beforeCommit(Object key, Supplier<T> create) {
        @SuppressWarnings("unchecked")
        T work = (T) beforeCommit.computeIfAbsent(key, k -> create.get());
        return work;
    }

    /** Runs one unit of work within a savepoint: undone alone when it throws. */
    <T> T run(Transactions.Work<T> work) throws SQLException {
        Connection shared = connection();
        Savepoint before = shared.setSavepoint();
        try {
            T result = work.run(shared);
            shared.releaseSavepoint(before);
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                shared.rollback(before);
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }

    /**
     * Flushes the before-commit work, commits what the joined work wrote, then runs the after-commit actions; closes
     * the transaction either way.
     *
     * @throws StoreException when the commit fails (nothing of the transaction is kept then)
     */
    public void commit() {
        try {
            // in the order the units first asked, the same in every transaction: no two wait for each other's rows
            List.copyOf(beforeCommit.values()).forEach(BeforeCommit::flush);
            if (connection != null) {
                connection.commit();
            }
        } catch (RuntimeException e) {
            rollbackQuietly(e);
            throw e;
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw new StoreException("cannot commit the page's transaction: " + e.getMessage(), e);
        } finally {
            close();
        }
        afterCommit.forEach(Runnable::run);
    }

    /** Undoes everything the joined work wrote and closes the transaction. */
    public void rollback() {
        try {
            rollbackQuietly(null);
        } finally {
            close();
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection taken = dataSource.getConnection();
            try {
                taken.setAutoCommit(false);
            } catch (SQLException e) {
                taken.close();
                throw e;
            }
            connection = taken;
        }
        return connection;
    }

    private void rollbackQuietly(Throwable cause) {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            if (cause != null) {
                cause.addSuppressed(rollbackFailure);
            }
        }
    }

    private void close() {
        CURRENT.remove();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool discards a connection it cannot reset
            }
            connection = null;
        }
    }
}
