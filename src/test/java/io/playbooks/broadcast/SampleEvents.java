package io.playbooks.broadcast;

import java.util.List;

/** Events as the import (or the outdated detection) sends them to direct:broadcast. */
final class SampleEvents {

    private SampleEvents() {
    }

    static PlaybookEvent created(String name) {
        return new PlaybookEvent("Playbook created: " + name, "playbook_import", "info", List.of("operations"),
                new PlaybookEvent.Details(name, 7L, name.toLowerCase().replace(' ', '-'), "720001", "OPS",
                        "https://example.atlassian.net/wiki/spaces/OPS/pages/720001", "operations", 4, "created"));
    }
}
