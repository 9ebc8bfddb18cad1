package io.playbooks.storage;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 13 ({@link StepMixBackfill}) on a store left by schema 12, where the analytics had counted some
 * versions and not others: run against each database the service supports (see the subclasses).
 */
abstract class StepMixBackfillContract {

    private static final int CONTENT_VERSIONS = 1_201;
    private static final String TWO_SHELL_ONE_NOOP = """
            {"steps": [{"action": "shell", "args": {"command": "uptime"}},
                       {"action": "shell", "args": {"command": "df -h"}},
                       {"action": "noop", "args": {"message": "look"}}]}""";

    /** A JDBC URL of a new, empty database named {@code name}. */
    protected abstract String createDatabase(String name) throws Exception;

    protected abstract String user();

    @Test
    void countsEveryContentVersionNotCountedYetOnceAndLeavesTheCountedAlone(TestInfo test) throws Exception {
        String url = createDatabase("backfill_" + test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT));
        // also keeps an in-memory H2 alive between the two migrations
        try (Connection connection = DriverManager.getConnection(url, user(), "")) {
            Flyway.configure().dataSource(url, user(), "").locations("classpath:db/migration",
                    "classpath:db/vendor/" + (url.startsWith("jdbc:postgresql") ? "postgresql" : "h2")).target("12").load()
                    .migrate();
            storeAsSchema12Did(connection);
            try (Database database = Database.open(url, user(), "")) {
                Map<Long, StepMix> counted = counted(database);

                assertThat(counted).hasSize(CONTENT_VERSIONS + 1);
                assertThat(counted.get(1L)).isEqualTo(new StepMix(9, 9, 9));
                assertThat(counted.get(2L)).isEqualTo(new StepMix(3, 2, 1));
                assertThat(counted.get(3L)).isEqualTo(new StepMix(0, 0, 0));
                assertThat(counted).doesNotContainKey(4L);
                assertThat(counted.get((long) CONTENT_VERSIONS + 2)).isEqualTo(new StepMix(3, 2, 1));
            }
        }
    }

    /**
     * Version 1 counted by the analytics of schema 12 (figures no JSON gives, so that a recount would show), 2 and
     * 5 to 1,203 never counted, 3 with JSON that cannot be read, 4 a tombstone.
     */
    private static void storeAsSchema12Did(Connection connection) throws SQLException {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-01T10:00:00Z");
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO playbooks (id, space_key, page_id, slug, name, category, created_at,"
                    + " updated_at) VALUES (1, 'OPS', 'p1', 'restart', 'Restart', 'general', TIMESTAMP WITH TIME ZONE"
                    + " '2026-11-01 10:00:00+00', TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00')");
        }
        try (PreparedStatement version = connection.prepareStatement("INSERT INTO playbook_versions (id, playbook_id,"
                + " version_no, kind, source_version, content_hash, name, yaml, playbook_json, created_at)"
                + " VALUES (?, 1, ?, ?, ?, ?, 'Restart', ?, ?, ?)")) {
            for (long id = 1; id <= CONTENT_VERSIONS + 2; id++) {
                boolean tombstone = id == 4;
                version.setLong(1, id);
                version.setInt(2, (int) id);
                version.setString(3, tombstone ? "tombstone" : "content");
                version.setInt(4, (int) id);
                version.setString(5, tombstone ? null : "h" + id);
                version.setString(6, tombstone ? null : "steps: []");
                version.setString(7, tombstone ? null : id == 3 ? "{not json" : TWO_SHELL_ONE_NOOP);
                version.setObject(8, at);
                version.addBatch();
            }
            version.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO version_step_quality (version_id, steps, concrete_steps, noop_steps)"
                    + " VALUES (1, 9, 9, 9)");
        }
    }

    private static Map<Long, StepMix> counted(Database database) throws SQLException {
        Map<Long, StepMix> counted = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT version_id, steps, concrete_steps, noop_steps FROM version_step_quality")) {
            while (rows.next()) {
                counted.put(rows.getLong(1), new StepMix(rows.getInt(2), rows.getInt(3), rows.getInt(4)));
            }
        }
        return counted;
    }
}
