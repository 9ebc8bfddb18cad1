package io.playbooks.sync;

import io.playbooks.storage.BulkImportRuns;
import io.playbooks.storage.Durability;
import io.playbooks.storage.HeldInMemoryFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On an H2 file that holds commits in memory, the progress of a bulk import counts a committed page only once its
 * commit is in the file, and the final report counts every page.
 */
class BulkImportDurableProgressTest {

    @TempDir
    Path folder;

    private HeldInMemoryFile file;
    private Durability durability;
    private BulkImportTracker tracker;

    @BeforeEach
    void open() {
        file = HeldInMemoryFile.open(folder);
        durability = file.durability();
        tracker = new BulkImportTracker(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC),
                new BulkImportRuns(file.database().dataSource()), durability);
        tracker.begin("OPS", false);
    }

    @AfterEach
    void close() {
        file.close();
    }

    @Test
    void aPageCountsOnceItsCommitIsInTheFile() {
        tracker.record(created("1001"));
        assertThat(tracker.progress().donePages()).as("committed, not in the file yet").isZero();
        assertThat(tracker.progress().importedPlaybooks()).isEmpty();

        durability.awaitStored();

        assertThat(tracker.progress().donePages()).isEqualTo(1);
        assertThat(tracker.progress().importedPlaybooks()).extracting(ImportResult::pageId).containsExactly("1001");
    }

    @Test
    void theFinalReportCountsEveryPage() {
        tracker.record(created("1001"));
        tracker.record(created("1002"));

        BulkImportProgress report = tracker.finish();

        assertThat(report.donePages()).isEqualTo(2);
        assertThat(report.successfulImports()).isEqualTo(2);
    }

    private static ImportResult created(String pageId) {
        return new ImportResult(pageId, "Restart the rate engine", "OPS", ImportOutcome.CREATED, 7L, 9L, "restart",
                "operations", 3, "https://site.example/wiki/" + pageId, 1, 0.9, List.of());
    }
}
