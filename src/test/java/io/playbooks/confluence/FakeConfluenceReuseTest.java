package io.playbooks.confluence;

import io.playbooks.page.SourcePage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The stand-in's reused answers, which the bulk-import benchmark relies on: the same pages, and none stale after a change. */
class FakeConfluenceReuseTest extends ClientTestSupport {

    @Test
    void reusedAnswersGiveTheSamePagesUntilTheModelChanges() {
        FakeConfluence site = site(FakeConfluence.cloud());
        site.addSpace("OPS", "Operations");
        FakeConfluence.FakePage page = site.addPage("OPS", "Restart", List.of("runbook"), "<p>first</p>");
        List<SourcePage> built = drain(client(site.settings().build()).pages("OPS"));

        site.reuseReplies();
        List<SourcePage> reused = drain(client(site.settings().build()).pages("OPS"));
        List<SourcePage> again = drain(client(site.settings().build()).pages("OPS"));
        site.editPage(page.id, "<p>second</p>");
        List<SourcePage> afterEdit = drain(client(site.settings().build()).pages("OPS"));

        assertThat(reused).isEqualTo(built).isEqualTo(again);
        assertThat(afterEdit.get(0).storageBody()).isEqualTo("<p>second</p>");
        assertThat(afterEdit.get(0).version()).isEqualTo(2);
    }
}
