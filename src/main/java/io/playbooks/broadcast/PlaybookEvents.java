package io.playbooks.broadcast;

import io.playbooks.storage.OutdatedFlag;
import io.playbooks.storage.PlaybookFlags.FlagNotice;
import io.playbooks.sync.ImportResult;

import java.util.List;
import java.util.Map;

/**
 * Builds the broadcast events: an import that wrote a version, a playbook that became outdated; the roles told
 * depend on the category.
 */
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

    /** A new outdated flag of a playbook: a warning with the kind and the reason. */
    public PlaybookEvent outdated(FlagNotice notice) {
        OutdatedFlag flag = notice.flag();
        String message = "Playbook outdated (" + flag.kind().code() + "): " + notice.name() + " (space "
                + notice.spaceKey() + "): " + flag.reason();
        return new PlaybookEvent(message, "playbook_outdated", "warning", rolesFor(notice.category()),
                new PlaybookEvent.Details(notice.name(), notice.playbookId(), notice.slug(), notice.pageId(),
                        notice.spaceKey(), notice.confluenceUrl(), notice.category(), null, "outdated",
                        flag.kind().code(), flag.reason()));
    }

    private List<String> rolesFor(String category) {
        return roles.forCategory(category);
    }
}
