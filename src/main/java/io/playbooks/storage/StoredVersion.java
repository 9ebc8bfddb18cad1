package io.playbooks.storage;

/**
 * The newest stored version of a page, as the sync needs it to decide whether a page changed.
 *
 * @param sourceVersion Confluence version of the page at that version
 * @param contentHash   hash of the page content, null for a tombstone
 */
public record StoredVersion(long playbookId, long versionId, int versionNumber, int sourceVersion, String contentHash,
                            VersionKind kind) {
}
