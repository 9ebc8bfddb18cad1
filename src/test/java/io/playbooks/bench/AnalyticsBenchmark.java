package io.playbooks.bench;

import io.playbooks.analytics.AnalyticsReport;
import io.playbooks.api.PlaybookCatalog;
import io.playbooks.storage.AnalyticsQueries;
import io.playbooks.storage.Database;
import io.playbooks.storage.ImportRollups;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.PostgresDatabases;
import io.playbooks.storage.SpaceSnapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * GET /analytics behind the API (the report bean) on a store of 10,000 playbooks in 10 spaces with a year of
 * history at full density: 2 content versions per playbook, an import roll-up row for 3 outcomes in every hour of
 * the year in every space, 5 failure reasons a day, a daily snapshot, and 300,000 uses. Prints median times; asserts
 * nothing. Run: {@code mvn -B -o test -Dtest=AnalyticsBenchmark}.
 */
class AnalyticsBenchmark {

    private static final int SPACES = 10;
    private static final int PLAYBOOKS = 10_000;
    private static final int USES = 300_000;
    private static final Instant NOW = Instant.parse("2026-11-20T10:15:00Z");
    private static final Instant YEAR_AGO = NOW.minus(Duration.ofDays(365));
    private static final String STEPS_JSON = "{\"steps\": [" + String.join(",", List.of(
            "{\"action\":\"shell\",\"args\":{\"command\":\"systemctl restart api\"}}",
            "{\"action\":\"shell\",\"args\":{\"command\":\"journalctl -u api\"}}",
            "{\"action\":\"http_request\",\"args\":{\"url\":\"https://api/health\",\"method\":\"GET\"}}",
            "{\"action\":\"noop\",\"args\":{\"message\":\"tell the on-call\"}}",
            "{\"action\":\"noop\",\"args\":{\"message\":\"watch the graphs\"},\"substeps\":["
                    + "{\"action\":\"shell\",\"args\":{\"command\":\"kubectl get pods\"}}]}")) + "]}";

    @Test
    void h2File() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench", "analytics-h2"));
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        try (Database database = Database.open("jdbc:h2:file:" + dir.toAbsolutePath().resolve("playbooks")
                + ";AUTO_SERVER=FALSE;WRITE_DELAY=500", "sa", "")) {
            measure("H2 file", database);
        }
    }

    @RegisterExtension
    static final PostgresDatabases POSTGRES = new PostgresDatabases();

    @Test
    void postgres() throws Exception {
        try (Database database = POSTGRES.open("analytics_bench")) {
            measure("PostgreSQL", database);
        }
    }

    private static void measure(String name, Database database) throws SQLException {
        long started = System.nanoTime();
        fill(database);
        System.out.printf("%s: filled in %d s%n", name, (System.nanoTime() - started) / 1_000_000_000);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AnalyticsReport report = new AnalyticsReport(new PlaybookCatalog(new PlaybookStore(database.dataSource(), clock)),
                new ImportRollups(database.dataSource(), clock), new AnalyticsQueries(database.dataSource()),
                new SpaceSnapshots(database.dataSource()), clock);

        print(name, "30 days by day (default)", () -> report.report(null, null, null, null, null));
        print(name, "30 days by hour", () -> report.report(null, null, "hour", null, null));
        print(name, "a year by day", () -> report.report(YEAR_AGO.toString(), null, "day", null, null));
        print(name, "a year by week", () -> report.report(YEAR_AGO.toString(), null, "week", null, null));
        print(name, "a year by day, one space", () -> report.report(YEAR_AGO.toString(), null, "day", null, "S3"));
        print(name, "snapshot", report::snapshot);
    }

    private static void print(String name, String what, Supplier<?> call) {
        long[] times = new long[7];
        for (int i = 0; i < times.length; i++) {
            times[i] = time(call);
        }
        Arrays.sort(times);
        System.out.printf("%s: %s: median %d ms (min %d, max %d) of %d%n", name, what, times[times.length / 2], times[0],
                times[times.length - 1], times.length);
    }

    private static long time(Supplier<?> call) {
        long start = System.nanoTime();
        call.get();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void fill(Database database) throws SQLException {
        Random random = new Random(42);
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement playbook = connection.prepareStatement("INSERT INTO playbooks (id, space_key, page_id,"
                    + " slug, name, category, created_at, updated_at, outdated) VALUES (?, ?, ?, ?, ?, 'infrastructure', ?, ?, ?)");
                 PreparedStatement version = connection.prepareStatement("INSERT INTO playbook_versions (playbook_id,"
                         + " version_no, kind, source_version, content_hash, name, yaml, playbook_json, step_count, created_at)"
                         + " VALUES (?, ?, 'content', ?, 'h', ?, 'steps: []', ?, 5, ?)");
                 PreparedStatement check = connection.prepareStatement("INSERT INTO page_checks (space_key, page_id,"
                         + " source_version, outcome, checked_at) VALUES (?, ?, 1, ?, ?)")) {
                for (int id = 1; id <= PLAYBOOKS; id++) {
                    String space = "S" + id % SPACES;
                    Instant created = YEAR_AGO.plusSeconds(random.nextInt(365 * 86_400));
                    playbook.setLong(1, id);
                    playbook.setString(2, space);
                    playbook.setString(3, "p" + id);
                    playbook.setString(4, "playbook-" + id);
                    playbook.setString(5, "Playbook " + id);
                    playbook.setObject(6, created.atOffset(ZoneOffset.UTC));
                    playbook.setObject(7, created.atOffset(ZoneOffset.UTC));
                    playbook.setBoolean(8, id % 50 == 0);
                    playbook.addBatch();
                    for (int no = 1; no <= 2; no++) {
                        Instant at = no == 1 ? created : created.plusSeconds(random.nextInt((int) Duration.between(created, NOW).toSeconds() + 1));
                        version.setLong(1, id);
                        version.setInt(2, no);
                        version.setInt(3, no);
                        version.setString(4, "Playbook " + id);
                        version.setString(5, STEPS_JSON);
                        version.setObject(6, at.atOffset(ZoneOffset.UTC));
                        version.addBatch();
                    }
                    check.setString(1, space);
                    check.setString(2, "p" + id);
                    check.setString(3, id % 20 == 0 ? "FAILED" : "CREATED");
                    check.setObject(4, created.atOffset(ZoneOffset.UTC));
                    check.addBatch();
                    if (id % 1000 == 0) {
                        playbook.executeBatch();
                        version.executeBatch();
                        check.executeBatch();
                    }
                }
            }
            // the step mix the store writes with each version (STEPS_JSON: 6 steps, 4 concrete, 2 manual)
            try (Statement mixes = connection.createStatement()) {
                mixes.executeUpdate("INSERT INTO version_step_quality (version_id, steps, concrete_steps, noop_steps)"
                        + " SELECT id, 6, 4, 2 FROM playbook_versions");
            }
            connection.commit();
            batch(connection, "INSERT INTO import_rollups (space_key, epoch_hour, outcome, pages) VALUES (?, ?, ?, ?)",
                    hours(), (insert, row) -> {
                        insert.setString(1, (String) row[0]);
                        insert.setLong(2, ((Instant) row[1]).getEpochSecond() / 3600);
                        insert.setString(3, (String) row[2]);
                        insert.setLong(4, 1 + random.nextInt(20));
                    });
            List<Object[]> days = new ArrayList<>();
            for (int space = 0; space < SPACES; space++) {
                for (int day = 0; day < 365; day++) {
                    for (int reason = 0; reason < 5; reason++) {
                        days.add(new Object[]{"S" + space, NOW.truncatedTo(ChronoUnit.DAYS)
                                .minus(Duration.ofDays(day)), "reason number " + reason});
                    }
                }
            }
            batch(connection, "INSERT INTO import_failure_reasons (space_key, day_start, reason, pages) VALUES (?, ?, ?, ?)",
                    days, (insert, row) -> {
                        insert.setString(1, (String) row[0]);
                        insert.setObject(2, ((Instant) row[1]).atOffset(ZoneOffset.UTC));
                        insert.setString(3, (String) row[2]);
                        insert.setLong(4, 1 + random.nextInt(5));
                    });
            List<Object[]> snapshots = new ArrayList<>();
            for (int space = 0; space < SPACES; space++) {
                for (int day = 1; day <= 365; day++) {
                    snapshots.add(new Object[]{"S" + space, LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(day)});
                }
            }
            batch(connection, "INSERT INTO space_snapshots (space_key, snapshot_day, pages_checked, playbook_pages,"
                    + " invalid_pages, playbooks, outdated, steps, concrete_steps, noop_steps, used_playbooks, taken_at)"
                    + " VALUES (?, ?, 1000, 1000, 50, 980, 20, 5880, 3920, 1960, 700, ?)", snapshots, (insert, row) -> {
                insert.setString(1, (String) row[0]);
                insert.setObject(2, row[1]);
                insert.setObject(3, NOW.atOffset(ZoneOffset.UTC));
            });
            List<Object[]> uses = new ArrayList<>();
            String[] kinds = {"fetched", "search_opened", "executed"};
            for (int i = 0; i < USES; i++) {
                uses.add(new Object[]{(long) 1 + random.nextInt(PLAYBOOKS), kinds[random.nextInt(3)],
                        YEAR_AGO.plusSeconds(random.nextInt(365 * 86_400))});
            }
            batch(connection, "INSERT INTO playbook_usage (playbook_id, kind, channel, used_at) VALUES (?, ?, 'api', ?)",
                    uses, (insert, row) -> {
                        insert.setLong(1, (Long) row[0]);
                        insert.setString(2, (String) row[1]);
                        insert.setObject(3, ((Instant) row[2]).atOffset(ZoneOffset.UTC));
                    });
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }
            connection.commit();
        }
    }

    /** Every hour of the year, in every space, with three outcomes: the most rows a year of roll-ups can have. */
    private static List<Object[]> hours() {
        List<Object[]> rows = new ArrayList<>();
        Instant hour = YEAR_AGO.truncatedTo(ChronoUnit.HOURS);
        for (; hour.isBefore(NOW); hour = hour.plus(Duration.ofHours(1))) {
            for (int space = 0; space < SPACES; space++) {
                for (String outcome : List.of("created", "unchanged", "invalid")) {
                    rows.add(new Object[]{"S" + space, hour, outcome});
                }
            }
        }
        return rows;
    }

    private interface Binder {
        void bind(PreparedStatement insert, Object[] row) throws SQLException;
    }

    private static void batch(Connection connection, String sql, List<Object[]> rows, Binder binder) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < rows.size(); i++) {
                binder.bind(insert, rows.get(i));
                insert.addBatch();
                if (i % 5000 == 4999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
        System.out.printf("  %,d rows into %s%n", rows.size(), sql.substring(12, sql.indexOf(" (")));
    }
}
