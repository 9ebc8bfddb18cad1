package io.playbooks.learning;

/**
 * How valuable each playbook has proven in use, from 0 (unknown or never used) to 1. Search ranks with it and the
 * sync works on the most valuable pages first.
 */
@FunctionalInterface
public interface PlaybookValues {

    /** Every playbook equally unknown: what search and the sync see until use has been recorded. */
    PlaybookValues NONE = playbookId -> 0;

    double valueOf(long playbookId);
}
