package io.playbooks.storage;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes the commits an H2 database holds in memory to its file. In the service's own process (an embedded file) it
 * stores the open MVStore's changes as one chunk ({@code MVStore.commit}, what SQL {@code CHECKPOINT} does too), then
 * waits for the chunk writes that H2's background writer may have started just before and hands to other threads:
 * a commit that writer took along is in the file only once they are done. An H2 server is asked with
 * {@code CHECKPOINT}. Neither forces the file to disk (fsync): like H2's commits themselves, they protect against
 * a killed process, whose written file the operating system keeps, not against a power loss.
 */
final class H2Flush implements Durability.StoreFlush {

    private final DataSource dataSource;
    /** The store of the embedded database, once found: a flush then needs no connection from the busy pool. */
    private volatile MVStore openStore;

    H2Flush(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void flush() throws SQLException {
        MVStore store = openStore;
        if (store != null && !store.isClosed()) {
            store(store);
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            Session session = connection.unwrap(JdbcConnection.class).getSession();
            if (session instanceof SessionLocal local) {
                openStore = local.getDatabase().getStore().getMvStore();
                store(openStore);
            } else {
                try (Statement checkpoint = connection.createStatement()) {
                    checkpoint.execute("CHECKPOINT");
                }
            }
        }
    }

    private static void store(MVStore store) {
        if (!store.isPersistent() || store.isReadOnly()) {
            return;
        }
        store.commit();
        store.getFileStore().executeFileStoreOperation(() -> {
            // nothing: the call returns once the chunks queued before it are written
        });
    }
}
