package io.playbooks.analytics;

import io.playbooks.MovableClock;
import io.playbooks.storage.Database;
import io.playbooks.storage.ImportAttempt;
import io.playbooks.storage.ImportRollups;
import io.playbooks.storage.TimeBucket;
import io.playbooks.sync.ImportOutcome;
import io.playbooks.sync.ImportResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** How the import route's results become roll-up counts. */
class ImportAnalyticsTest {

    private final MovableClock clock = new MovableClock("2026-11-20T10:15:00Z");
    private Database database;
    private ImportRollups rollups;
    private ImportAnalytics analytics;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:mem:import-analytics", "sa", "");
        rollups = new ImportRollups(database.dataSource(), clock);
        analytics = new ImportAnalytics(rollups);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aFailureWithACaughtExceptionIsAnErrorWithoutOneAValidationFailure() {
        ImportResult invalid = result("OPS", ImportOutcome.FAILED, List.of("step 12 has no command"));
        ImportResult error = result("OPS", ImportOutcome.FAILED, List.of("IllegalStateException: page 4711 broke"));

        assertThat(analytics.record(invalid, null)).isSameAs(invalid);
        analytics.record(error, new IllegalStateException("page 4711 broke"));
        analytics.record(result("OPS", ImportOutcome.CREATED, List.of("ordered procedure")), null);

        assertThat(rollups.attempts(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z"),
                TimeBucket.DAY, null)).extracting(ImportRollups.Count::attempt, ImportRollups.Count::pages)
                .containsExactlyInAnyOrder(tuple(ImportAttempt.INVALID, 1L),
                        tuple(ImportAttempt.ERROR, 1L),
                        tuple(ImportAttempt.CREATED, 1L));
        assertThat(rollups.failureReasons(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z"), "OPS"))
                .extracting(ImportRollups.Reason::reason)
                .containsExactlyInAnyOrder("step # has no command", "IllegalStateException: page # broke");
    }

    @Test
    void aPageWithoutASpaceIsNotCounted() {
        analytics.record(result(" ", ImportOutcome.FAILED, List.of("no id or space key")), new IllegalArgumentException());

        assertThat(rollups.attempts(Instant.EPOCH, Instant.parse("2027-01-01T00:00:00Z"), TimeBucket.WEEK, null)).isEmpty();
    }

    private static ImportResult result(String space, ImportOutcome outcome, List<String> reasons) {
        return new ImportResult("1", "Title", space, outcome, null, null, null, null, null, null, 1, 0.5, reasons);
    }
}
