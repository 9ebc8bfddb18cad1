package io.playbooks.confluence;

import io.playbooks.page.Attachment;
import io.playbooks.page.SourcePage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfluenceClientDataCenterTest extends ClientTestSupport {

    private FakeConfluence site;

    @BeforeEach
    void dataCenterSite() {
        site = site(FakeConfluence.dataCenter("/confluence"));
        site.addSpace("OPS", "Operations");
    }

    private ConfluenceClient dcClient() {
        return client(site.settings().deployment(Deployment.DATA_CENTER).build());
    }

    @Test
    void listsOverAThousandPagesUnderAContextPathWithBearerAuth() {
        int n = 1100;
        site.addGeneratedPages("OPS", n);
        ConfluenceClient client = dcClient();

        List<SourcePage> pages = drain(client.pages("OPS"));

        assertThat(pages).hasSize(n);
        assertThat(pages).extracting(SourcePage::id).doesNotHaveDuplicates();
        assertThat(site.requestCount("/confluence/rest/api/content?")).isEqualTo(calls(n, 250));
        assertThat(site.requestCount()).isEqualTo(calls(n, 250) + 2);
        assertThat(site.server().getAllServeEvents())
                .allMatch(e -> e.getRequest().getHeader("Authorization").equals("Bearer " + FakeConfluence.DC_TOKEN));
    }

    @Test
    void followsNextLinksWhenTheServerCapsTheLimitBelowWhatWasAsked() {
        site.maxLimit(100);
        site.addGeneratedPages("OPS", 1050);

        assertThat(drain(dcClient().pages("OPS"))).hasSize(1050);
        assertThat(site.requestCount("/rest/api/content?")).isEqualTo(11);
    }

    @Test
    void theNextListingAnswerIsAskedForWhileTheCallerWorksThroughTheCurrentOne() throws InterruptedException {
        site.maxLimit(100);
        site.addGeneratedPages("OPS", 250);

        Iterator<SourcePage> pages = dcClient().pages("OPS");
        pages.next();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (site.requestCount("/rest/api/content?") < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(site.requestCount("/rest/api/content?")).isEqualTo(2);
        assertThat(drain(pages)).hasSize(249);
        assertThat(site.requestCount("/rest/api/content?")).isEqualTo(3);
    }

    @Test
    void aLastPageWhoseSizeEqualsTheLimitButHasNoNextLinkEndsTheListing() {
        site.addGeneratedPages("OPS", 500);

        assertThat(dcClient().pageRefs("OPS")).hasSize(500);
        assertThat(site.requestCount("/rest/api/content?")).isEqualTo(2);
    }

    @Test
    void pagesCarryLabelsFromTheListingAndAbsoluteWebUrls() {
        FakeConfluence.FakePage p = site.addPage("OPS", "Kafka rolling restart", List.of("runbook", "kafka"),
                "<ol><li><code>systemctl restart kafka</code></li></ol>");
        site.addAttachment(p.id, "broker.png", "image/png", new byte[] {1, 2});

        SourcePage page = drain(dcClient().pages("OPS")).get(0);

        assertThat(page.labels()).containsExactlyInAnyOrder("runbook", "kafka");
        assertThat(page.webUrl()).isEqualTo(site.baseUrl() + "/pages/viewpage.action?pageId=" + p.id);
        assertThat(page.lastModified()).isEqualTo(FakeConfluence.START);
        assertThat(page.attachments()).extracting(Attachment::downloadUrl)
                .containsExactly(site.baseUrl() + "/download/attachments/" + p.id + "/broker.png?version=1&api=v2");
    }

    @Test
    void onePageByIdWithItsSpaceAndAttachments() {
        FakeConfluence.FakePage p = site.addPage("OPS", "Flush cache", List.of("how-to"), "<p>x</p>");
        site.addAttachment(p.id, "a.txt", "text/plain", new byte[] {65});
        ConfluenceClient client = dcClient();

        SourcePage page = client.page(p.id).orElseThrow();

        assertThat(page.spaceKey()).isEqualTo("OPS");
        assertThat(page.attachments()).extracting(Attachment::fileName).containsExactly("a.txt");
        assertThat(client.page("424242")).isEmpty();
    }

    @Test
    void pageRefFindsAMovedPageInItsNewSpace() {
        site.addSpace("ARCHIVE", "Archive");
        FakeConfluence.FakePage p = site.addPage("OPS", "Moved", List.of(), "<p/>");
        site.movePage(p.id, "ARCHIVE");
        ConfluenceClient client = dcClient();

        assertThat(client.pageRefs("OPS")).isEmpty();
        assertThat(client.pageRef(p.id)).get().extracting(PageRef::spaceKey).isEqualTo("ARCHIVE");
    }

    @Test
    void withoutAReportedZoneChangedSinceWritesTheDateInTheEarliestZoneAndMissesNothing() {
        site.timeZone(ZoneId.of("Pacific/Kiritimati"), false);
        FakeConfluence.FakePage edited = site.addPage("OPS", "Edited", List.of(), "<p/>");
        site.now(Instant.parse("2024-05-15T10:00:00Z")).editPage(edited.id, "<p>v2</p>");
        ConfluenceClient client = dcClient();

        List<PageRef> changed = client.changedSince("OPS", Instant.parse("2024-05-15T10:00:00Z"));

        assertThat(client.siteTimeZone()).isEqualTo(SiteTimeZone.EARLIEST);
        assertThat(changed).extracting(PageRef::id).containsExactly(edited.id);
        assertThat(site.requestedUrls()).anyMatch(u -> u.contains("lastmodified >= \"2024-05-14 22:00\""));
    }

    @Test
    void aSiteZoneBehindUtcWouldMissTheEditIfTheDateWereWrittenInUtc() {
        site.timeZone(ZoneId.of("America/New_York"), false);
        FakeConfluence.FakePage edited = site.addPage("OPS", "Edited", List.of(), "<p/>");
        site.now(Instant.parse("2024-05-15T10:00:00Z")).editPage(edited.id, "<p>v2</p>");

        ConfluenceClient utc = client(site.settings().deployment(Deployment.DATA_CENTER).siteTimeZone("UTC").build());
        ConfluenceClient newYork = client(site.settings().deployment(Deployment.DATA_CENTER)
                .siteTimeZone("America/New_York").build());
        Instant since = Instant.parse("2024-05-15T09:00:00Z");

        assertThat(utc.changedSince("OPS", since)).as("a UTC date read as New York time is 4 h too late").isEmpty();
        assertThat(newYork.changedSince("OPS", since)).extracting(PageRef::id).containsExactly(edited.id);
    }

    @Test
    void anUnknownSpaceIsAClearError() {
        assertThatThrownBy(() -> dcClient().pages("NOPE")).isInstanceOf(UnknownSpaceException.class)
                .hasMessageContaining("'NOPE'").hasMessageContaining(site.baseUrl());
    }

    @Test
    void autoDetectsDataCenterFromA404OnTheV2Api() {
        ConfluenceClient client = client(site.settings().build());

        assertThat(client.deployment()).isEqualTo(Deployment.DATA_CENTER);
        client.testConnection();
        assertThat(site.requestCount("/api/v2/spaces")).isEqualTo(1);
        assertThat(site.requestCount("/rest/api/space?limit=1")).isEqualTo(1);
    }

    @Test
    void aWrongContextPathIsReportedAsAWrongUrl() {
        ConfluenceClient client = client(site.settings().url(site.server().baseUrl() + "/wiki").build());

        assertThatThrownBy(client::testConnection).isInstanceOf(ConfluenceException.class)
                .hasMessageContaining("404").hasMessageContaining("check the base URL");
    }
}
