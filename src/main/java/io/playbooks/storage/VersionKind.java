package io.playbooks.storage;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A content version holds a playbook; a tombstone records that the page went away or stopped being a playbook. */
public enum VersionKind {
    CONTENT, TOMBSTONE;

    /** The value stored in {@code playbook_versions.kind} and shown in JSON. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static VersionKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
