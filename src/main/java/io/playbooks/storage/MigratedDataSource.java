package io.playbooks.storage;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The pool of a {@link Database} whose schema is being migrated on another thread: each call waits until the
 * migration is over, then goes to the pool (or fails as the migration did), so that no query meets a missing table.
 */
final class MigratedDataSource implements DataSource {

    private final Supplier<DataSource> ready;

    /** @param ready waits for the migrated pool; throws the migration's error */
    MigratedDataSource(Supplier<DataSource> ready) {
        this.ready = ready;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return ready.get().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return ready.get().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return ready.get().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        ready.get().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        ready.get().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return ready.get().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return ready.get().getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : ready.get().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || ready.get().isWrapperFor(type);
    }
}
