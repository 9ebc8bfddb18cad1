package io.playbooks.storage;

import java.time.Instant;

/**
 * Where the incremental sync of one space stands; any instant may be null when it never happened.
 *
 * @param watermark       last-modified time of the newest page seen; the next sync asks for pages changed since
 * @param lastSyncAt      when the last sync of the space finished
 * @param lastReconcileAt when deleted pages were last looked for (a full listing of the space)
 */
public record SyncState(String spaceKey, Instant watermark, Instant lastSyncAt, Instant lastReconcileAt) {
}
