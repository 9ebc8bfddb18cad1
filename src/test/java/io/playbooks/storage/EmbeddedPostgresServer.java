package io.playbooks.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** One embedded PostgreSQL for a test class, with a fresh database per test. */
final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start() throws IOException {
        // binaries unpacked under target/, not /tmp, so that mvn clean removes them
        return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(new File("target/embedded-pg")).start());
    }

    /** Creates an empty database of that name and returns its JDBC URL (user postgres, no password). */
    String createDatabase(String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
