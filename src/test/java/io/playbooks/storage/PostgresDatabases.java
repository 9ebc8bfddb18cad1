package io.playbooks.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded PostgreSQL for a test class, where each test creates a database of its own. Register it as a static
 * {@code @RegisterExtension} field: it starts before the class's tests and stops after them.
 */
public final class PostgresDatabases implements BeforeAllCallback, AfterAllCallback {

    public static final String USER = "postgres";

    private EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        // binaries unpacked under target/, not /tmp, so that mvn clean removes them
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(new File("target/embedded-pg")).start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        postgres.close();
    }

    /** Creates an empty database and answers its JDBC URL (user {@link #USER}, no password). */
    public String create(String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        }
        return postgres.getJdbcUrl(USER, name);
    }

    /** A new database of that name, opened and migrated. */
    public Database open(String name) throws SQLException {
        return Database.open(create(name), USER, "");
    }
}
