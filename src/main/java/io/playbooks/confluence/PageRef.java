package io.playbooks.confluence;

import java.time.Instant;

/**
 * A page without its body: enough to see what changed, moved or went away.
 *
 * @param id           page id
 * @param spaceKey     space key the page was listed in
 * @param title        page title
 * @param version      Confluence version number
 * @param status       {@code current}, {@code archived}, {@code trashed}...
 * @param lastModified when the version was made, or null when the listing does not say
 */
public record PageRef(String id, String spaceKey, String title, int version, String status, Instant lastModified) {
}
