package io.playbooks.sync;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * What one sync did, with the hAIveMind keys (checked_playbooks, updated_playbooks, failed_updates, no_changes,
 * errors) and more: new playbooks, pages marked outdated, and the Confluence requests it cost.
 */
public record SyncReport(@JsonProperty("checked_playbooks") int checkedPlaybooks,
                         @JsonProperty("updated_playbooks") int updatedPlaybooks,
                         @JsonProperty("new_playbooks") int newPlaybooks,
                         @JsonProperty("failed_updates") int failedUpdates,
                         @JsonProperty("no_changes") int noChanges,
                         @JsonProperty("not_playbooks") int notPlaybooks,
                         @JsonProperty("outdated_playbooks") int outdatedPlaybooks,
                         @JsonProperty("reconciled_spaces") List<String> reconciledSpaces,
                         List<String> errors,
                         @JsonProperty("confluence_requests") long confluenceRequests,
                         @JsonProperty("started_at") Instant startedAt,
                         @JsonProperty("finished_at") Instant finishedAt,
                         boolean completed) {
}
