package io.playbooks.storage;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The result of a save or of marking a playbook outdated.
 *
 * @param versionId the version added, or the current one when nothing changed
 * @param stepCount steps of the version returned (0 for a tombstone)
 */
public record SaveResult(SaveOutcome outcome,
                         @JsonProperty("playbook_id") long playbookId,
                         @JsonProperty("version_id") Long versionId,
                         String slug,
                         @JsonProperty("step_count") int stepCount) {
}
