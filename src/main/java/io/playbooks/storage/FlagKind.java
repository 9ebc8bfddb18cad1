package io.playbooks.storage;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Why a playbook is outdated. The first four come with a tombstone version (the page went away or stopped being a
 * playbook); the others are warnings on a playbook whose content is still the newest there is.
 */
public enum FlagKind {
    DELETED, ARCHIVED, MOVED, NOT_PLAYBOOK, STALE, NEWER_VERSION, DEAD_LINK;

    /** Kinds that a new content version of the page settles; a dead link is checked again instead. */
    static final Set<FlagKind> SETTLED_BY_NEW_CONTENT = EnumSet.of(DELETED, ARCHIVED, MOVED, NOT_PLAYBOOK, STALE,
            NEWER_VERSION);

    /** The value stored in {@code playbook_flags.kind} and shown in JSON. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean tombstone() {
        return this == DELETED || this == ARCHIVED || this == MOVED || this == NOT_PLAYBOOK;
    }

    static FlagKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
