package io.playbooks.storage;

import java.time.Instant;

/** A playbook and when it was last written (a version added or the outdated flag set). */
public record PlaybookChange(long playbookId, Instant updatedAt) {
}
