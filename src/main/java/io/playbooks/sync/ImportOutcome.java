package io.playbooks.sync;

/** What importing one page did. */
public enum ImportOutcome {
    /** a new playbook was stored */
    CREATED,
    /** a new version of an existing playbook was stored */
    UPDATED,
    /** the page is stored at the same version and content hash: nothing written */
    UNCHANGED,
    /** detection says the page is not a playbook: nothing written */
    NOT_PLAYBOOK,
    /** the page could not be converted or stored: nothing written */
    FAILED;

    public boolean wroteVersion() {
        return this == CREATED || this == UPDATED;
    }
}
