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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations that carry over what an older schema stored, each on a store as that schema left it: run against
 * each database the service supports (see the subclasses).
 */
abstract class SchemaUpgradeContract {

    private static final int CONTENT_VERSIONS = 1_201;
    private static final String TWO_SHELL_ONE_NOOP = """
            {"steps": [{"action": "shell", "args": {"command": "uptime"}},
                       {"action": "shell", "args": {"command": "df -h"}},
                       {"action": "noop", "args": {"message": "look"}}]}""";

    /** A JDBC URL of a new, empty database named {@code name}. */
    protected abstract String createDatabase(String name) throws Exception;

    protected abstract String user();

    /** Migration 13 ({@link StepMixBackfill}) where the analytics of schema 12 had counted some versions and not others. */
    @Test
    void countsEveryContentVersionNotCountedYetOnceAndLeavesTheCountedAlone(TestInfo test) throws Exception {
        String url = createDatabase("backfill_" + test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT));
        // also keeps an in-memory H2 alive between the two migrations
        try (Connection connection = DriverManager.getConnection(url, user(), "")) {
            migrate(url, "12");
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

    /** Migration 14 in the middle of a bulk import: the pages done after the upgrade move its position on. */
    @Test
    void aRunStoppedBeforeTheUpgradeResumesFromItsPositionWithItsPages() throws Exception {
        String url = createDatabase("upgrade_bulk_import_progress");
        // also keeps an in-memory H2 alive between the two migrations
        try (Connection connection = DriverManager.getConnection(url, user(), "")) {
            migrate(url, "13");
            stopARunAsSchema13Did(connection);
            try (Database database = Database.open(url, user(), "")) {
                BulkImportRuns runs = new BulkImportRuns(database.dataSource());

                BulkImportRuns.Run stopped = runs.find("OPS").orElseThrow();
                assertThat(stopped.position()).isEqualTo("cursor-7");
                assertThat(stopped.pagesDone()).isEqualTo(3);
                assertThat(runs.start("OPS", false, Instant.now()).donePages()).isEqualTo(Map.of("1", 4, "2", 1, "3", 2));

                runs.pageDone("OPS", "4", 1, "cursor-9");
                BulkImportRuns.Run movedOn = runs.find("OPS").orElseThrow();
                assertThat(movedOn.position()).as("the page done after the upgrade is the last").isEqualTo("cursor-9");
                assertThat(movedOn.pagesDone()).isEqualTo(4);
            }
        }
    }

    private static void stopARunAsSchema13Did(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO bulk_import_runs (space_key, state, force_update, position, pages_done,"
                    + " started_at, stopped_at) VALUES ('OPS', 'failed', FALSE, 'cursor-7', 3,"
                    + " TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00', TIMESTAMP WITH TIME ZONE '2026-11-01 10:05:00+00')");
            statement.executeUpdate("INSERT INTO bulk_import_pages (space_key, page_id, source_version)"
                    + " VALUES ('OPS', '1', 4), ('OPS', '2', 1), ('OPS', '3', 2)");
        }
    }

    private void migrate(String url, String targetVersion) {
        Flyway.configure().dataSource(url, user(), "").locations("classpath:db/migration",
                "classpath:db/vendor/" + (url.startsWith("jdbc:postgresql") ? "postgresql" : "h2"))
                .javaMigrations(new StepMixBackfill()).target(targetVersion).load().migrate();
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
