package io.playbooks.learning;

/**
 * How valuable each playbook has proven, from 0 to 1 (0 for a playbook not known): from its use, the outcomes of
 * its reported runs, its freshness and how well its page converted ({@link ValueModel}). Search ranks with it and
 * the sync works on the most valuable pages first.
 */
@FunctionalInterface
public interface PlaybookValues {

    /** Every playbook equally unknown: what search and the sync see until use has been recorded. */
    PlaybookValues NONE = playbookId -> 0;

    double valueOf(long playbookId);

    /** The value of a Confluence space (its playbooks' mean); 0 for a space without playbooks. */
    default double valueOfSpace(String spaceKey) {
        return 0;
    }
}
