package io.playbooks.sync;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of a bulk import, running or finished, for progress reports and the final answer.
 *
 * @param interrupted     stopped by a shutdown before its end; the next start resumes it
 * @param resumed         this run took over a stopped one and skips the pages that one did
 * @param pagesDoneBefore pages the stopped runs had done (not listed again when before the position)
 * @param position        the listing call a resume starts from: that of the oldest page not done yet
 */
public record BulkImportProgress(@JsonProperty("space_key") String spaceKey,
                                 boolean running,
                                 @JsonProperty("started_at") Instant startedAt,
                                 @JsonProperty("finished_at") Instant finishedAt,
                                 @JsonProperty("listing_complete") boolean listingComplete,
                                 @JsonProperty("total_pages") int totalPages,
                                 @JsonProperty("done_pages") int donePages,
                                 @JsonProperty("discovered_pages") int discoveredPages,
                                 @JsonProperty("successful_imports") int successfulImports,
                                 @JsonProperty("failed_imports") int failedImports,
                                 @JsonProperty("skipped_imports") int skippedImports,
                                 @JsonProperty("not_playbooks") int notPlaybooks,
                                 @JsonProperty("imported_playbooks") List<ImportResult> importedPlaybooks,
                                 List<String> errors,
                                 boolean interrupted,
                                 boolean resumed,
                                 @JsonProperty("pages_done_before") int pagesDoneBefore,
                                 String position) {
}
