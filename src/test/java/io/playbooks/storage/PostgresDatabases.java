package io.playbooks.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** An embedded PostgreSQL for tests, where each test creates a database of its own. */
public final class PostgresDatabases implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresDatabases(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresDatabases start() throws IOException {
        // binaries unpacked under target/, not /tmp, so that mvn clean removes them
        return new PostgresDatabases(EmbeddedPostgres.builder().setOverrideWorkingDirectory(new File("target/embedded-pg")).start());
    }

    /** Creates an empty database and answers its JDBC URL (user {@link #USER}, no password). */
    public String create(String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        }
        return postgres.getJdbcUrl(USER, name);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
