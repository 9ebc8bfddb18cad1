package io.playbooks.storage;

/** What a save did: a new playbook, a new version of an existing one, or nothing because the page did not change. */
public enum SaveOutcome {
    CREATED, UPDATED, UNCHANGED;

    /** Whether the save added a version, i.e. whether listeners should hear about it. */
    public boolean changed() {
        return this != UNCHANGED;
    }
}
