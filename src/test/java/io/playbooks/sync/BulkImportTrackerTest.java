package io.playbooks.sync;

import io.playbooks.confluence.ConfluenceException;
import io.playbooks.storage.BulkImportRuns;
import io.playbooks.storage.Database;
import io.playbooks.storage.Durability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a stopped bulk import resumes, and when it starts over instead. */
class BulkImportTrackerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final String POSITION = "https://site.example/wiki/api/v2/spaces/1/pages?limit=10&cursor=abc";

    private Database database;
    private BulkImportRuns runs;
    private BulkImportTracker tracker;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:mem:bulk-import-tracker;DB_CLOSE_DELAY=-1", "", "");
        runs = new BulkImportRuns(database.dataSource());
        tracker = new BulkImportTracker(Clock.fixed(NOW, ZoneOffset.UTC), runs, Durability.atCommit());
        runs.start("OPS", false, NOW);
        runs.pageDone("OPS", "1001", 3, POSITION);
        runs.stopped("OPS", BulkImportRuns.INTERRUPTED, NOW);
    }

    @AfterEach
    void close() {
        runs.finished("OPS");
        database.close();
    }

    @Test
    void anInterruptedRunIsResumedFromItsPosition() {
        assertThat(runs.claimInterrupted()).extracting(BulkImportRuns.Run::spaceKey).containsExactly("OPS");
        assertThat(runs.claimInterrupted()).as("claimed once").isEmpty();

        assertThat(tracker.begin("OPS", false)).isEqualTo(POSITION);
        assertThat(tracker.progress().resumed()).isTrue();
        assertThat(tracker.progress().pagesDoneBefore()).isEqualTo(1);
    }

    @Test
    void aResumedRunThatFailsBeforeItsFirstPageStartsOverNextTime() {
        tracker.begin("OPS", false);

        assertThatThrownBy(() -> tracker.abort(new ConfluenceException("GET " + POSITION + " answered 400")))
                .isInstanceOf(ConfluenceException.class);
        assertThat(runs.find("OPS")).isEmpty();
        assertThat(tracker.begin("OPS", false)).as("from the start of the listing").isNull();
        assertThat(tracker.progress().resumed()).isFalse();
    }
}
