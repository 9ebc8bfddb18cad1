package io.playbooks.broadcast;

import java.util.List;

/** Events as the import (or the outdated detection) sends them to direct:broadcast. */
final class SampleEvents {

    private SampleEvents() {
    }

    static PlaybookEvent created(String name) {
        return created(name, "https://example.atlassian.net/wiki/spaces/OPS/pages/720001");
    }

    /** A page of the offline folder: it has no Confluence URL. */
    static PlaybookEvent createdOffline(String name) {
        return created(name, null);
    }

    private static PlaybookEvent created(String name, String confluenceUrl) {
        return new PlaybookEvent("Playbook created: " + name, "playbook_import", "info", List.of("operations"),
                new PlaybookEvent.Details(name, 7L, name.toLowerCase().replace(' ', '-'), "720001", "OPS",
                        confluenceUrl, "operations", 4, "created"));
    }
}
