package io.playbooks.analytics;

import io.playbooks.storage.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.File;
import java.sql.Connection;
import java.sql.Statement;

/** The analytics on a real PostgreSQL (embedded, started once for the class): a database of its own per test. */
class PostgresAnalyticsTest extends AnalyticsContract {

    private static EmbeddedPostgres postgres;
    private String url;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(new File("target/embedded-pg")).start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Override
    protected Database openDatabase(String name) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        }
        url = postgres.getJdbcUrl("postgres", name);
        return Database.open(url, "postgres", "");
    }

    @Override
    protected Database reopen() {
        return Database.open(url, "postgres", "");
    }
}
