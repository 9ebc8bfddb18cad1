package io.playbooks.confluence;

/**
 * A Confluence space.
 *
 * @param id     the space id (numeric on both deployments, as a string)
 * @param key    the space key, e.g. "INFRA"
 * @param name   the display name
 * @param webUrl absolute link to the space in the browser
 */
public record SpaceInfo(String id, String key, String name, String webUrl) {
}
