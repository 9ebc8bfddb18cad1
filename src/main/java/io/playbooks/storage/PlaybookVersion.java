package io.playbooks.storage;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * One entry of a playbook's history.
 *
 * @param reason why a tombstone was added; null for content versions
 * @param yaml   the playbook at that version; null for a tombstone
 */
public record PlaybookVersion(long id,
                              @JsonProperty("version_number") int versionNumber,
                              VersionKind kind,
                              @JsonProperty("confluence_version") int sourceVersion,
                              @JsonProperty("content_hash") String contentHash,
                              @JsonProperty("step_count") int stepCount,
                              boolean forced,
                              String reason,
                              @JsonProperty("created_at") Instant createdAt,
                              String yaml) {
}
