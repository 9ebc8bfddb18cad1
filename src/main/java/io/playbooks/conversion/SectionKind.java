package io.playbooks.conversion;

import java.util.List;
import java.util.Locale;

/** What a section of a page holds, told by its heading. */
enum SectionKind {
    /** Steps to carry out (the default). */
    PROCEDURE(List.of()),
    /** Its list items are prerequisites, not steps. */
    PREREQUISITES(List.of("prerequisite", "pre-requisite", "prereq", "requirements", "before you begin", "before you start",
            "before starting", "you will need", "you'll need", "what you need", "what you will need", "preconditions")),
    /** Its steps go to the playbook's rollback. */
    ROLLBACK(List.of("rollback", "roll back", "roll-back", "rolling back", "back out", "backout", "back-out",
            "backing out", "revert", "undo")),
    /** Reference material around the procedure: holds no steps. */
    NO_STEPS(List.of("see also", "reference", "related", "further reading", "further information", "more information",
            "links", "external links", "resources", "additional resources",
            "contact", "owner", "change history", "changelog", "change log", "revision history", "version history",
            "document history", "history", "action items", "parameters", "variables", "inputs", "glossary",
            "symptoms", "background", "possible causes", "causes", "impact", "faq", "questions"));

    private final List<String> headingStarts;

    SectionKind(List<String> headingStarts) {
        this.headingStarts = headingStarts;
    }

    /** The kind a heading opens, or null when the heading names none (the section then inherits). */
    static SectionKind of(String headingText) {
        String heading = headingText.toLowerCase(Locale.ROOT);
        int textStart = 0;
        while (textStart < heading.length()
                && (Character.isDigit(heading.charAt(textStart)) || ".) ".indexOf(heading.charAt(textStart)) >= 0)) {
            textStart++;
        }
        for (SectionKind kind : values()) {
            for (String start : kind.headingStarts) {
                if (heading.startsWith(start, textStart)) {
                    return kind;
                }
            }
        }
        return null;
    }
}
