package io.playbooks.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One transaction that every {@link Transactions#run} of the opening thread on the same database joins until it is
 * committed or rolled back: the writes of one imported page (version, page check, event and deliveries, roll-up,
 * bulk import progress) commit together, once. Each joined unit of work runs within a savepoint, so a unit that
 * fails is undone alone and the rest of the transaction stays usable (a failed statement would otherwise poison it
 * on PostgreSQL). A failure that the database may have ended the whole transaction for (deadlock, serialization
 * failure, lock timeout) or a savepoint that cannot be rolled back to makes the transaction rollback-only: later
 * units would run in a fresh transaction on the same connection, and a commit would keep only what they wrote, so
 * it refuses. The connection is taken at the first unit of work, so work before it (converting a page) does not
 * hold one. Counters that every page raises are written just before the commit ({@link BeforeCommit}), in the same
 * order by every transaction: transactions running side by side then hold them only for their commit.
 */
public final class SharedTransaction {

    private static final Logger LOG = LoggerFactory.getLogger(SharedTransaction.class);
    private static final ThreadLocal<SharedTransaction> CURRENT = new ThreadLocal<>();
    /** serialization failure, deadlock (PostgreSQL), lock timeout (H2): the database may have ended the transaction. */
    private static final Set<String> TRANSACTION_LOST_STATES = Set.of("40001", "40P01", "HYT00");

    /** Work that the units of a transaction add to, done once just before it commits, on the same transaction. */
    public interface BeforeCommit {
        void flush();
    }

    private final DataSource dataSource;
    private final Map<Object, BeforeCommit> beforeCommit = new LinkedHashMap<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private Connection connection;
    /** Why the transaction can only be rolled back, or null while it can commit. */
    private SQLException lost;

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

    /**
     * Runs one unit of work within a savepoint: undone alone when it throws, or the whole transaction made
     * rollback-only when the failure may have ended it or the savepoint cannot be rolled back to.
     *
     * @throws SQLException also when the transaction is rollback-only already (the unit does not run then)
     */
    <T> T run(Transactions.Work<T> work) throws SQLException {
        if (lost != null) {
            throw new SQLException("the transaction is rolled back after an earlier failure: " + lost.getMessage(), lost);
        }
        Connection shared = connection();
        Savepoint before = shared.setSavepoint();
        try {
            T result = work.run(shared);
            shared.releaseSavepoint(before);
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            if (e instanceof SQLException sql && transactionLost(sql)) {
                lost = sql;
                throw e;
            }
            try {
                shared.rollback(before);
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
                lost = rollbackFailure;
            }
            throw e;
        }
    }

    /** Whether the transaction can only be rolled back: a unit of work may not be run again within it. */
    boolean rollbackOnly() {
        return lost != null;
    }

    /**
     * Flushes the before-commit work, commits what the joined work wrote, then runs the after-commit actions (one
     * that throws is logged: the transaction is committed); closes the transaction either way.
     *
     * @throws StoreException when the commit fails or the transaction is rollback-only (nothing of it is kept then)
     */
    public void commit() {
        try {
            // in the order the units first asked: the same kinds of work in the same order in every transaction
            List.copyOf(beforeCommit.values()).forEach(BeforeCommit::flush);
            if (lost != null) {
                throw new SQLException("the transaction is rolled back after a failure: " + lost.getMessage(), lost);
            }
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
        for (Runnable action : afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("an action after the commit of a page's transaction failed (the commit stands): {}", e.toString(), e);
            }
        }
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

    private static boolean transactionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && TRANSACTION_LOST_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
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
