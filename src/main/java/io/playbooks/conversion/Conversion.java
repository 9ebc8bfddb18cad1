package io.playbooks.conversion;

import io.playbooks.page.SourcePage;
import io.playbooks.playbook.Playbook;

import java.util.List;

/**
 * The outcome of converting one page.
 *
 * @param page      the page converted
 * @param detection the detection verdict with score and reasons
 * @param playbook  the playbook, or null when the page is not one or failed validation
 * @param yaml      the playbook as deterministic YAML, or null with the playbook
 * @param problems  why no playbook came out (validation errors, unreadable input); empty on success
 */
public record Conversion(SourcePage page, Detection detection, Playbook playbook, String yaml, List<String> problems) {

    public Conversion {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public boolean hasPlaybook() {
        return playbook != null;
    }
}
