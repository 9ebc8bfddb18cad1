package io.playbooks.broadcast;

import io.playbooks.sync.ImportResult;

import java.util.List;
import java.util.Map;

/** Builds the broadcast event for an import that wrote a version; the roles told depend on the category. */
public class PlaybookEvents {

    private final TargetRoles roles;

    public PlaybookEvents(Map<String, List<String>> rolesByCategory) {
        this(new TargetRoles(rolesByCategory, TargetRoles.BUILT_IN_DEFAULT));
    }

    public PlaybookEvents(TargetRoles roles) {
        this.roles = roles;
    }

    public PlaybookEvent imported(ImportResult result) {
        String change = result.outcome().name().toLowerCase(java.util.Locale.ROOT);
        String message = "Playbook " + change + ": " + result.title()
                + " (" + result.stepCount() + " steps, space " + result.spaceKey() + ")";
        return new PlaybookEvent(message, "playbook_import", "info", rolesFor(result.category()),
                new PlaybookEvent.Details(result.title(), result.playbookId(), result.slug(), result.pageId(), result.spaceKey(), result.confluenceUrl(),
                        result.category(), result.stepCount(), change));
    }

    private List<String> rolesFor(String category) {
        return roles.forCategory(category);
    }
}
