package io.playbooks.learning;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a recorded use of a playbook was (playbook_usage.kind). The weight says how much one such use tells about
 * the playbook's value: opening a search hit means the playbook answered a question, a reported run that it was
 * actually followed.
 */
public enum UsageKind {
    FETCHED(1), SEARCH_OPENED(2), EXECUTED(3);

    private final double weight;

    UsageKind(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static UsageKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
