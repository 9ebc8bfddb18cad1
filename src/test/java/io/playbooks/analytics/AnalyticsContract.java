package io.playbooks.analytics;

import io.playbooks.MovableClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.analytics.AnalyticsReport.Response;
import io.playbooks.analytics.AnalyticsReport.SpaceReport;
import io.playbooks.api.PlaybookCatalog;
import io.playbooks.storage.AnalyticsQueries;
import io.playbooks.storage.Database;
import io.playbooks.storage.FlagKind;
import io.playbooks.storage.ImportAttempt;
import io.playbooks.storage.ImportRollups;
import io.playbooks.storage.PageChecks;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.SpaceSnapshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static io.playbooks.analytics.AnalyticsFixtures.http;
import static io.playbooks.analytics.AnalyticsFixtures.noop;
import static io.playbooks.analytics.AnalyticsFixtures.playbook;
import static io.playbooks.analytics.AnalyticsFixtures.shell;
import static io.playbooks.analytics.AnalyticsFixtures.use;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics computed from known rows, on each database the service supports (see the subclasses): two spaces,
 * OPS with two playbooks (six steps, four concrete), a page that is not a playbook and one that failed, and DEV with
 * a manual-only playbook and an outdated one.
 */
abstract class AnalyticsContract {

    private final MovableClock clock = new MovableClock("2026-11-19T08:10:00Z");
    private Database database;
    private PlaybookStore store;
    private long opsA;
    private long opsB;

    protected abstract Database openDatabase(String name) throws Exception;

    /** The same database again, after the first was closed: what a restarted service sees. */
    protected abstract Database reopen();

    @BeforeEach
    void fill(TestInfo test) throws Exception {
        database = openDatabase("analytics_" + test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT));
        store = new PlaybookStore(database.dataSource(), clock);
        PageChecks checks = new PageChecks(database.dataSource(), clock);
        ImportRollups rollups = new ImportRollups(database.dataSource(), clock);

        opsA = store.save(playbook("OPS", "1", "Restart API", 1, shell("systemctl restart api"), shell("journalctl -u api"),
                shell("curl -f localhost/health"), noop("Tell the on-call")), false).playbookId();
        opsB = store.save(playbook("OPS", "2", "Check Queue", 1, http("https://queue/stats"), noop("Look at it")), false)
                .playbookId();
        rollups.record("OPS", ImportAttempt.CREATED, List.of());
        rollups.record("OPS", ImportAttempt.CREATED, List.of());
        rollups.record("OPS", ImportAttempt.INVALID, List.of("step 3 has no command"));

        clock.set("2026-11-20T09:30:00Z");
        store.save(playbook("OPS", "2", "Check Queue", 2, http("https://queue/stats?all"), noop("Look at it")), false);
        long devE = store.save(playbook("DEV", "5", "Write Docs", 1, noop("Open the wiki"), noop("Write")), false).playbookId();
        store.save(playbook("DEV", "6", "Old Thing", 1, shell("rm -rf /tmp/x")), false);
        store.markOutdated("DEV", "6", FlagKind.DELETED, "page deleted");
        rollups.record("OPS", ImportAttempt.UNCHANGED, List.of());
        rollups.record("OPS", ImportAttempt.ERROR, List.of("IOException: page 123 timed out"));
        rollups.record("OPS", ImportAttempt.NOT_PLAYBOOK, List.of("meeting notes"));
        rollups.record("DEV", ImportAttempt.CREATED, List.of());

        checks.record("OPS", "1", 1, "CREATED");
        checks.record("OPS", "2", 2, "UPDATED");
        checks.record("OPS", "3", 1, "NOT_PLAYBOOK");
        checks.record("OPS", "4", 1, "FAILED");
        checks.record("DEV", "5", 1, "CREATED");
        checks.record("DEV", "6", 1, "CREATED");

        use(database.dataSource(), opsA, "fetched", "2026-11-20T08:00:00Z", 3);
        use(database.dataSource(), opsA, "executed", "2026-11-20T08:05:00Z", 1);
        use(database.dataSource(), opsB, "search_opened", "2026-11-19T12:00:00Z", 2);
        use(database.dataSource(), devE, "fetched", "2026-10-01T12:00:00Z", 1);
        clock.set("2026-11-20T10:15:00Z");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void importSuccessRateCountsStoredAgainstAttemptedWithTheTopReasons() {
        SpaceReport ops = report("2026-11-18", "2026-11-20", "day", null, null).spaces().get("OPS");

        assertThat(ops.imports()).isEqualTo(new ImportFigures(2, 0, 1, 1, 1, 1));
        assertThat(ops.imports().attempted()).isEqualTo(5);
        assertThat(ops.imports().stored()).isEqualTo(3);
        assertThat(ops.imports().successRate()).isEqualTo(0.6);
        assertThat(ops.topFailureReasons()).extracting(AnalyticsReport.ReasonCount::reason)
                .containsExactly("IOException: page 123 timed out", "step 3 has no command");
    }

    @Test
    void theSeriesHaveOneValuePerBucketAndSpace() {
        Response daily = report("2026-11-18", "2026-11-20", "day", null, null);

        assertThat(daily.series().bucketStarts()).extracting(Object::toString)
                .containsExactly("2026-11-18T00:00:00Z", "2026-11-19T00:00:00Z", "2026-11-20T00:00:00Z");
        assertThat(daily.series().importAttempts().get("OPS")).containsExactly(0L, 3L, 2L);
        assertThat(daily.series().importFailures().get("OPS")).containsExactly(0L, 1L, 1L);
        assertThat(daily.series().importSuccessRate().get("OPS")).containsExactly(null, 0.6667, 0.5);
        assertThat(daily.series().importSuccessRate().get("DEV")).containsExactly(null, null, 1.0);
        assertThat(daily.series().newVersions().get("OPS")).containsExactly(0L, 2L, 1L);
        assertThat(daily.series().pagesChanged().get("OPS")).containsExactly(0L, 2L, 1L);

        Response hourly = report("2026-11-19T08:00:00Z", "2026-11-19T11:00:00Z", "hour", null, "OPS");
        assertThat(hourly.series().bucketStarts()).hasSize(3);
        assertThat(hourly.series().importAttempts()).containsOnlyKeys("OPS");
        assertThat(hourly.series().importAttempts().get("OPS")).containsExactly(3L, 0L, 0L);

        Response weekly = report("2026-11-16", "2026-11-29", "week", null, null);
        assertThat(weekly.series().bucketStarts()).extracting(Object::toString)
                .containsExactly("2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z");
        assertThat(weekly.series().importAttempts().get("OPS")).containsExactly(5L, 0L);
    }

    @Test
    void qualityCountsConcreteStepsOfCurrentPlaybooksAndFailedPages() {
        Response response = report(null, null, null, null, null);
        Quality ops = response.spaces().get("OPS").quality();
        Quality dev = response.spaces().get("DEV").quality();

        assertThat(ops.steps()).isEqualTo(6);
        assertThat(ops.concreteSteps()).isEqualTo(4);
        assertThat(ops.noopSteps()).isEqualTo(2);
        assertThat(ops.concreteStepShare()).isEqualTo(0.6667);
        assertThat(ops.validationFailures()).isEqualTo(1);
        assertThat(ops.validationFailureShare()).isEqualTo(0.3333);
        assertThat(dev.steps()).as("the outdated playbook's step is not counted").isEqualTo(2);
        assertThat(dev.concreteStepShare()).isEqualTo(0.0);
        assertThat(response.spaces().get("DEV").current().outdated()).isEqualTo(1);
        assertThat(response.overall().quality().steps()).isEqualTo(8);
    }

    @Test
    void updateFrequencyCountsNewVersionsAndThePagesTheyChanged() {
        Response response = report("2026-11-19", "2026-11-20", "day", null, null);

        assertThat(response.spaces().get("OPS").updates()).isEqualTo(new AnalyticsReport.Updates(3, 2));
        assertThat(response.spaces().get("DEV").updates()).as("a tombstone is no new version")
                .isEqualTo(new AnalyticsReport.Updates(2, 2));
        assertThat(response.overall().updates()).isEqualTo(new AnalyticsReport.Updates(5, 4));
        assertThat(report("2026-11-20", "2026-11-20", "day", null, "OPS").spaces().get("OPS").updates())
                .isEqualTo(new AnalyticsReport.Updates(1, 1));
    }

    @Test
    void mostUsedRanksPlaybooksByUsesInTheWindowWithTheirKinds() {
        Response response = report("2026-11-01", "2026-11-20", "day", "5", null);

        assertThat(response.mostUsed()).extracting(AnalyticsReport.MostUsed::name).containsExactly("Restart API", "Check Queue");
        AnalyticsReport.MostUsed top = response.mostUsed().get(0);
        assertThat(top.total()).isEqualTo(4);
        assertThat(top.fetched()).isEqualTo(3);
        assertThat(top.executed()).isEqualTo(1);
        assertThat(top.searchOpened()).isZero();
        assertThat(response.mostUsed().get(1).searchOpened()).isEqualTo(2);
        assertThat(report("2026-11-01", "2026-11-20", "day", "1", null).mostUsed()).hasSize(1);
        assertThat(report("2026-09-01", "2026-11-20", "week", null, "DEV").mostUsed())
                .extracting(AnalyticsReport.MostUsed::name).containsExactly("Write Docs");
    }

    @Test
    void effectivenessIsCoverageTimesQualityTimesUse() {
        Response response = report(null, null, null, null, null);
        Effectiveness ops = response.spaces().get("OPS").effectiveness();
        Effectiveness dev = response.spaces().get("DEV").effectiveness();

        // 2 playbooks of 4 pages; 4/6 concrete x (1 - 1/3 failed); both used in the last 30 days
        assertThat(ops).isEqualTo(new Effectiveness(0.5, 0.4444, 1.0, 0.2222));
        // 1 current playbook of 2 pages; manual steps only; used 50 days ago
        assertThat(dev).isEqualTo(new Effectiveness(0.5, 0.0, 0.0, 0.0));
        assertThat(response.definitions()).containsKeys("import_success_rate", "concrete_step_share", "effectiveness");
    }

    @Test
    void dailySnapshotsKeepTheLastFiguresOfEachDay() {
        clock.set("2026-11-19T23:00:00Z");
        report().snapshot();
        clock.set("2026-11-20T10:15:00Z");
        report().snapshot();
        store.save(playbook("OPS", "7", "Rotate Keys", 1, shell("vault rotate")), false);
        report().snapshot();

        Response response = report("2026-11-18", "2026-11-20", "day", null, null);
        assertThat(response.dailySnapshots().days()).containsExactly(LocalDate.parse("2026-11-18"),
                LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-20"));
        assertThat(response.dailySnapshots().playbooks().get("OPS")).containsExactly(null, 2, 3);
        assertThat(response.dailySnapshots().concreteStepShare().get("OPS")).containsExactly(null, 0.6667, 0.7143);
        assertThat(response.dailySnapshots().effectiveness().get("DEV")).containsExactly(null, 0.0, 0.0);
    }

    @Test
    void theHistoryOutlivesARestart() {
        report().snapshot();
        Response before = report("2026-11-18", "2026-11-20", "hour", null, null);
        database.close();

        database = reopen();
        store = new PlaybookStore(database.dataSource(), clock);
        Response after = report("2026-11-18", "2026-11-20", "hour", null, null);

        assertThat(after.series()).isEqualTo(before.series());
        assertThat(after.dailySnapshots()).isEqualTo(before.dailySnapshots());
        assertThat(after.spaces().get("OPS").imports().successRate()).isEqualTo(0.6);
        assertThat(after.dailySnapshots().playbooks().get("OPS")).containsExactly(null, null, 2);
    }

    @Test
    void theAnswerKeepsTheDashboardKeysAtTheTop() throws Exception {
        String json = new ObjectMapper().findAndRegisterModules().writeValueAsString(report(null, null, null, null, null));

        assertThat(new ObjectMapper().readTree(json).fieldNames()).toIterable().containsAll(Arrays.asList(
                "total_confluence_playbooks", "space_statistics", "category_statistics", "import_timeline",
                "last_updated", "window", "definitions", "overall", "spaces", "series", "daily_snapshots", "most_used"));
        assertThat(new ObjectMapper().readTree(json).get("total_confluence_playbooks").asInt()).isEqualTo(4);
    }

    private Response report(String from, String to, String bucket, String limit, String space) {
        return report().report(from, to, bucket, limit, space);
    }

    private AnalyticsReport report() {
        return new AnalyticsReport(new PlaybookCatalog(store), new ImportRollups(database.dataSource(), clock),
                new AnalyticsQueries(database.dataSource()), new SpaceSnapshots(database.dataSource()), clock);
    }
}
