package io.playbooks.storage;

import java.util.Locale;

/** What became of one import attempt, as the analytics roll-ups count it (see V8__analytics.sql). */
public enum ImportAttempt {
    CREATED, UPDATED, UNCHANGED, NOT_PLAYBOOK,
    /** read as a playbook but failed validation: nothing stored */
    INVALID,
    /** conversion or storage threw: nothing stored */
    ERROR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ImportAttempt ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean stored() {
        return this == CREATED || this == UPDATED || this == UNCHANGED;
    }

    public boolean failed() {
        return this == INVALID || this == ERROR;
    }
}
