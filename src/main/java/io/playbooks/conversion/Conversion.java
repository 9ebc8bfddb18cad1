package io.playbooks.conversion;

import io.playbooks.page.PageLink;
import io.playbooks.page.SourcePage;
import io.playbooks.playbook.Playbook;

import java.util.List;

/**
 * The outcome of converting one page.
 *
 * @param page       the page converted
 * @param detection  the detection verdict with score and reasons
 * @param playbook   the playbook, or null when the page is not one or failed validation
 * @param yaml       the playbook as deterministic YAML, or null with the playbook
 * @param problems   why no playbook came out (validation errors, unreadable input); empty on success
 * @param unreadable true when the page body could not be read at all (ill-formed storage format)
 * @param links      the pages and attachments the page links to (kept with the playbook to find dead links);
 *                   empty when no playbook came out
 */
public record Conversion(SourcePage page, Detection detection, Playbook playbook, String yaml, List<String> problems,
                         boolean unreadable, List<PageLink> links) {

    public Conversion {
        problems = problems == null ? List.of() : List.copyOf(problems);
        links = links == null ? List.of() : List.copyOf(links);
    }

    public Conversion(SourcePage page, Detection detection, Playbook playbook, String yaml, List<String> problems) {
        this(page, detection, playbook, yaml, problems, false, List.of());
    }

    /** A page whose body cannot be read: not a playbook, with the reason as its only problem. */
    public static Conversion unreadable(SourcePage page, String reason) {
        return new Conversion(page, new Detection(false, 0, List.of(reason)), null, null, List.of(reason), true, List.of());
    }

    public boolean hasPlaybook() {
        return playbook != null;
    }
}
