package io.playbooks.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The playbook database: a HikariCP pool on an H2 or PostgreSQL JDBC URL, migrated by Flyway when opened, or while
 * the service goes on starting ({@link #openInBackground}). Close it to release the pool (and, for an embedded H2
 * file, the file lock).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final String MIGRATIONS = "classpath:db/migration";
    /** Migrations of one database product only (h2, postgresql): e.g. the Quartz tables of clustered instances. */
    private static final String PRODUCT_MIGRATIONS = "classpath:db/vendor/";

    /**
     * How long a caller waits for a connection while the database is away: then it fails with the pool's error
     * (and the sync or request with 503) instead of waiting on. A health check gets its answer within this time too.
     */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);
    /** PostgreSQL: how long to wait for a TCP connection, and for any answer on an open one (a host that went silent). */
    static final Duration PG_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration PG_SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private final CompletableFuture<HikariDataSource> pool;
    private final DataSource dataSource = new MigratedDataSource(this::migratedPool);

    private Database(CompletableFuture<HikariDataSource> pool) {
        this.pool = pool;
    }

    /**
     * Opens the pool and brings the schema up to date.
     *
     * @throws IllegalArgumentException when the URL is blank
     * @throws StoreException           when the database cannot be reached or migrated (the pool is closed again)
     */
    public static Database open(String url, String user, String password) {
        Database database = open(url, user, password, Runnable::run);
        database.awaitReady();
        return database;
    }

    /**
     * Opens the pool and migrates the schema on a thread of its own, so that the rest of the startup (building the
     * routes) goes on meanwhile; every use of {@link #dataSource()} waits until it is done, and {@link #awaitReady}
     * reports a failure.
     *
     * @throws IllegalArgumentException when the URL is blank
     */
    public static Database openInBackground(String url, String user, String password) {
        return open(url, user, password, task -> {
            Thread migration = new Thread(task, "database-migration");
            migration.setDaemon(true);
            migration.start();
        });
    }

    private static Database open(String url, String user, String password, Executor executor) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("playbooks.db.url is empty: give a JDBC URL (H2 or PostgreSQL)");
        }
        return new Database(CompletableFuture.supplyAsync(() -> migrated(url, user, password), executor));
    }

    private static HikariDataSource migrated(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("playbooks");
        config.setJdbcUrl(withStatementCache(closedByThePool(url.strip())));
        config.setUsername(blankToNull(user));
        config.setPassword(blankToNull(password));
        // fail with the real cause at once instead of a pool that keeps retrying
        config.setInitializationFailTimeout(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        if ("postgresql".equals(product(url))) {
            // without these a query to a host that vanished without a reset waits forever (the driver's default)
            config.addDataSourceProperty("connectTimeout", String.valueOf(PG_CONNECT_TIMEOUT.toSeconds()));
            config.addDataSourceProperty("socketTimeout", String.valueOf(PG_SOCKET_TIMEOUT.toSeconds()));
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open database " + Redacted.url(url) + ": " + rootMessage(e), e);
        }
        try {
            var result = Flyway.configure().dataSource(pool).locations(MIGRATIONS, PRODUCT_MIGRATIONS + product(url))
                    .javaMigrations(new StepMixBackfill()).load().migrate();
            LOG.info("Database {} ready at schema version {}", Redacted.url(url), result.targetSchemaVersion != null
                    ? result.targetSchemaVersion : result.initialSchemaVersion);
            return pool;
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate database " + Redacted.url(url) + ": " + rootMessage(e), e);
        }
    }

    /**
     * Waits until the schema is up to date.
     *
     * @throws StoreException when the database could not be reached or migrated
     */
    public void awaitReady() {
        migratedPool();
    }

    private HikariDataSource migratedPool() {
        try {
            return pool.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Closes the pool, after the migration if it is still running (a failed one has closed it already). */
    @Override
    public void close() {
        HikariDataSource opened = pool.handle((ready, failure) -> ready).join();
        if (opened != null) {
            opened.close();
        }
    }

    /**
     * An embedded H2 database closes itself in a JVM shutdown hook of its own, which races Camel's graceful shutdown
     * (SIGTERM): the pages in hand and the record of an interrupted bulk import would fail with "database is already
     * closed". The pool closes it instead when Camel has stopped, unless the URL says otherwise.
     */
    static String closedByThePool(String url) {
        return embeddedH2(url) && !url.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT") ? url + ";DB_CLOSE_ON_EXIT=FALSE" : url;
    }

    /**
     * An embedded H2 database parses a statement again unless it is among the session's last 8 (QUERY_CACHE_SIZE):
     * the import of one page runs about 20 different ones, so each was parsed anew, page after page. A larger cache
     * keeps them all, unless the URL sets its own size.
     */
    static String withStatementCache(String url) {
        return embeddedH2(url) && !url.toUpperCase(java.util.Locale.ROOT).contains("QUERY_CACHE_SIZE") ? url + ";QUERY_CACHE_SIZE=256" : url;
    }

    private static boolean embeddedH2(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    /** The product of a JDBC URL: {@code jdbc:postgresql://...} is postgresql. */
    private static String product(String url) {
        String[] parts = url.strip().split(":", 3);
        return parts.length < 3 ? "unknown" : parts[1];
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
