package io.playbooks.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * One playbook as {@code GET /playbooks} lists it; the version fields describe its newest content version.
 *
 * @param confluenceVersion Confluence version of the page at the newest content version
 * @param lastImported      when the newest content version was stored
 * @param versionNumber     number of the newest version of any kind (1, 2, 3...)
 * @param outdatedFlags     every reason the playbook is outdated now, oldest first; empty when it is current
 *                          ({@code outdated} is true when any holds, {@code outdated_reason} joins their reasons)
 */
@JsonPropertyOrder({"playbook_id", "slug", "name", "category", "confluence_page_id", "confluence_space",
        "confluence_url", "confluence_version", "last_imported", "created_at", "updated_at", "outdated",
        "outdated_reason", "outdated_flags", "step_count", "version_number"})
public record PlaybookSummary(@JsonProperty("playbook_id") long playbookId,
                              String slug,
                              String name,
                              String category,
                              @JsonProperty("confluence_page_id") String confluencePageId,
                              @JsonProperty("confluence_space") String confluenceSpace,
                              @JsonProperty("confluence_url") String confluenceUrl,
                              @JsonProperty("confluence_version") int confluenceVersion,
                              @JsonProperty("last_imported") Instant lastImported,
                              @JsonProperty("created_at") Instant createdAt,
                              @JsonProperty("updated_at") Instant updatedAt,
                              boolean outdated,
                              @JsonProperty("outdated_reason") String outdatedReason,
                              @JsonProperty("step_count") int stepCount,
                              @JsonProperty("version_number") int versionNumber,
                              @JsonProperty("outdated_flags") List<OutdatedFlag> outdatedFlags) {

    public PlaybookSummary {
        outdatedFlags = outdatedFlags == null ? List.of() : List.copyOf(outdatedFlags);
    }
}
