package io.playbooks.sync;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/** A snapshot of a bulk import, running or finished, for progress reports and the final answer. */
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
                                 List<String> errors) {
}
