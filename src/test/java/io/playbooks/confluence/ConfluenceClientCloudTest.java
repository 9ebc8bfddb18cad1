package io.playbooks.confluence;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.playbooks.page.Attachment;
import io.playbooks.page.SourcePage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfluenceClientCloudTest extends ClientTestSupport {

    private FakeConfluence site;

    @BeforeEach
    void cloudSite() {
        site = site(FakeConfluence.cloud());
        site.addSpace("OPS", "Operations");
    }

    private ConfluenceClient cloudClient() {
        return client(site.settings().deployment(Deployment.CLOUD).build());
    }

    @Test
    void listsOverAThousandPagesWithCeilNOver250ListingCallsPlusAConstant() {
        int n = 1234;
        List<FakeConfluence.FakePage> added = site.addGeneratedPages("OPS", n);
        long labelled = added.stream()
                .filter(p -> p.labels.stream().anyMatch(ConfluenceClient.DETECTION_LABELS::contains)).count();
        ConfluenceClient client = cloudClient();

        List<SourcePage> pages = drain(client.pages("OPS"));

        assertThat(pages).hasSize(n);
        assertThat(pages).extracting(SourcePage::id).doesNotHaveDuplicates();
        int listing = site.requestCount("/api/v2/spaces/");
        assertThat(listing).isEqualTo(calls(n, 250));
        assertThat(site.requestCount("/api/v2/spaces?keys=OPS")).isEqualTo(1);
        assertThat(site.requestCount("label in")).isEqualTo(calls((int) labelled, 250));
        assertThat(site.requestCount("type=attachment")).isEqualTo(1);
        assertThat(site.requestCount()).isEqualTo(listing + 1 + calls((int) labelled, 250) + 1);
        assertThat(site.requestCount("/api/v2/pages/")).as("no call per page").isZero();
        assertThat(client.stats().requests()).isEqualTo(site.requestCount());
    }

    @Test
    void pagesCarryBodyTitleLabelsVersionWebUrlAndLastModified() {
        FakeConfluence.CorpusPage deploy = FakeConfluence.authoredCorpus().stream()
                .filter(c -> c.name().equals("deploy-application")).findFirst().orElseThrow();
        FakeConfluence.FakePage page = site.addPage("OPS", deploy.title(), deploy.labels(), deploy.body());
        site.now(Instant.parse("2024-05-20T08:00:00Z")).editPage(page.id, deploy.body() + "<p>edited</p>");

        SourcePage p = drain(cloudClient().pages("OPS")).get(0);

        assertThat(p.id()).isEqualTo(page.id);
        assertThat(p.spaceKey()).isEqualTo("OPS");
        assertThat(p.title()).isEqualTo("Deploy Application");
        assertThat(p.labels()).containsExactlyInAnyOrder("runbook", "deployment");
        assertThat(p.version()).isEqualTo(2);
        assertThat(p.storageBody()).isEqualTo(deploy.body() + "<p>edited</p>");
        assertThat(p.webUrl()).isEqualTo(site.baseUrl() + "/spaces/OPS/pages/" + page.id + "/Deploy+Application");
        assertThat(p.lastModified()).isEqualTo(Instant.parse("2024-05-20T08:00:00Z"));
    }

    @Test
    void pagesWithoutADetectionLabelGetNoLabelsFromTheBulkListing() {
        site.addPage("OPS", "Kafka notes", List.of("kafka"), "<p>x</p>");

        assertThat(drain(cloudClient().pages("OPS")).get(0).labels()).isEmpty();
    }

    @Test
    void followsTheLinkHeaderWhenTheBodyHasNoNextLink() {
        site.nextLinks(FakeConfluence.NextLinks.HEADER);
        site.addGeneratedPages("OPS", 600);

        assertThat(drain(cloudClient().pages("OPS"))).hasSize(600);
        assertThat(site.requestCount("/api/v2/spaces/")).isEqualTo(3);
    }

    @Test
    void aFullLastPageWithoutNextLinkEndsTheListing() {
        site.addGeneratedPages("OPS", 500);

        assertThat(cloudClient().pageRefs("OPS")).hasSize(500);
        assertThat(site.requestCount("/api/v2/spaces/")).isEqualTo(2);
    }

    @Test
    void listingReadsOneAnswerAheadOfTheCallerAndNoFurther() throws InterruptedException {
        site.addGeneratedPages("OPS", 600);
        ConfluenceClient client = cloudClient();

        Iterator<SourcePage> pages = client.pages("OPS");
        pages.next();
        // the second answer is asked for while the caller works through the first
        awaitListingCalls(2);
        Thread.sleep(200);
        assertThat(site.requestCount("/api/v2/spaces/")).as("not a second answer ahead").isEqualTo(2);
        for (int i = 1; i < 251; i++) {
            pages.next();
        }
        awaitListingCalls(3);
        assertThat(drain(pages)).hasSize(349);
        assertThat(site.requestCount("/api/v2/spaces/")).isEqualTo(3);
    }

    @Test
    void theLabelAndAttachmentQueriesRunSideBySide() {
        site.addGeneratedPages("OPS", 300);
        // the label query needs two calls; its first answer comes late
        site.slowNext("label in", 1, Duration.ofSeconds(2));

        assertThat(drain(cloudClient().pages("OPS"))).hasSize(300);

        List<String> urls = site.requestedUrls();
        List<String> labelCalls = urls.stream().filter(url -> url.contains("label in")).toList();
        assertThat(labelCalls).hasSize(2);
        int attachmentQuery = urls.indexOf(urls.stream().filter(url -> url.contains("type=attachment")).findFirst().orElseThrow());
        assertThat(attachmentQuery).as("the attachment query, asked before the label query's second call")
                .isLessThan(urls.indexOf(labelCalls.get(1)));
    }

    @Test
    void aListingCallThatFailsAheadFailsWhenTheCallerReachesItsAnswer() throws InterruptedException {
        site.addGeneratedPages("OPS", 600);
        // the second listing call: the first with a cursor (the label query's calls have no body-format)
        site.failNext("body-format=storage&status=current&limit=250&cursor=", 1, 401, Map.of());
        Iterator<SourcePage> pages = cloudClient().pages("OPS");
        pages.next();
        // the failing call has been made, ahead of the caller
        awaitListingCalls(2);

        for (int i = 1; i < 250; i++) {
            pages.next();
        }
        assertThatThrownBy(pages::next).isInstanceOf(ConfluenceAuthException.class);
    }

    private void awaitListingCalls(int calls) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (site.requestCount("/api/v2/spaces/") < calls && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(site.requestCount("/api/v2/spaces/")).isEqualTo(calls);
    }

    @Test
    void attachmentsComeFromOneSpaceQueryAndContentOnlyOnDemand() throws IOException {
        FakeConfluence.FakePage a = site.addPage("OPS", "Restart the gateway", List.of("runbook"), "<p>a</p>");
        site.addPage("OPS", "Plain", List.of(), "<p>b</p>");
        site.addAttachment(a.id, "topology diagram.png", "image/png", "PNGDATA".getBytes(StandardCharsets.UTF_8));
        site.addAttachment(a.id, "config.yaml", "application/x-yaml", "k: v".getBytes(StandardCharsets.UTF_8));
        ConfluenceClient client = cloudClient();

        List<SourcePage> pages = drain(client.pages("OPS"));

        SourcePage withFiles = pages.stream().filter(p -> p.id().equals(a.id)).findFirst().orElseThrow();
        assertThat(withFiles.attachments()).extracting(Attachment::fileName)
                .containsExactlyInAnyOrder("topology diagram.png", "config.yaml");
        Attachment png = withFiles.attachments().stream().filter(x -> x.mediaType().equals("image/png"))
                .findFirst().orElseThrow();
        assertThat(png.version()).isEqualTo(1);
        assertThat(png.downloadUrl()).startsWith(site.baseUrl() + "/download/attachments/" + a.id + "/");
        assertThat(site.requestCount("/download/")).isZero();
        try (InputStream in = client.attachment(png.downloadUrl(), 1024).open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("PNGDATA");
        }
        assertThat(client.attachments("OPS").get(a.id)).hasSize(2);
    }

    @Test
    void aDownloadRedirectedToTheMediaServiceGetsNoCredentials() throws IOException {
        WireMockServer media = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        media.start();
        try {
            media.stubFor(WireMock.get("/file/abc").willReturn(WireMock.ok("BYTES")));
            site.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/wiki/download/attachments/1/a.png"))
                    .atPriority(1).willReturn(WireMock.aResponse().withStatus(302)
                            .withHeader("Location", media.baseUrl() + "/file/abc")));

            try (InputStream in = cloudClient().attachment("/download/attachments/1/a.png?version=1", 1024).open()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("BYTES");
            }

            media.verify(WireMock.getRequestedFor(WireMock.urlEqualTo("/file/abc"))
                    .withoutHeader("Authorization"));
        } finally {
            media.stop();
        }
    }

    @Test
    void aDownloadAboveTheLimitIsRefusedAndNotRetried() {
        byte[] content = new byte[300 * 1024];
        site.server().stubFor(WireMock.get("/wiki/download/attachments/1/big.png").atPriority(1)
                .willReturn(WireMock.ok().withBody(content)));

        assertThatThrownBy(() -> cloudClient().attachment("/download/attachments/1/big.png", 200 * 1024))
                .isInstanceOf(ContentTooLargeException.class)
                .hasMessageContaining("/download/attachments/1/big.png answered more than 204800 bytes");
        assertThat(site.requestCount("/download/attachments/1/big.png")).as("not retried").isEqualTo(1);
        assertThat(cloudClient().attachment("/download/attachments/1/big.png", content.length).bytes())
                .isEqualTo(content);
    }

    @Test
    void refusesToSendCredentialsToAnotherHost() {
        assertThatThrownBy(() -> cloudClient().attachment("https://evil.example.com/download/x.png", 1024))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not on the Confluence site");
    }

    @Test
    void onePageHasBodyAllLabelsSpaceAndAttachments() {
        FakeConfluence.FakePage p = site.addPage("OPS", "Rotate keys", List.of("runbook", "iam"), "<ol><li>x</li></ol>");
        site.addAttachment(p.id, "step.png", "image/png", new byte[] {1});
        ConfluenceClient client = cloudClient();

        SourcePage page = client.page(p.id).orElseThrow();

        assertThat(page.spaceKey()).isEqualTo("OPS");
        assertThat(page.labels()).containsExactlyInAnyOrder("runbook", "iam");
        assertThat(page.storageBody()).isEqualTo("<ol><li>x</li></ol>");
        assertThat(page.attachments()).extracting(Attachment::fileName).containsExactly("step.png");
        assertThat(client.page("999999")).isEmpty();
    }

    @Test
    void pageRefTellsArchivedFromGone() {
        FakeConfluence.FakePage p = site.addPage("OPS", "Old", List.of(), "<p/>");
        site.archivePage(p.id);
        ConfluenceClient client = cloudClient();

        assertThat(client.pageRef(p.id)).get().extracting(PageRef::status).isEqualTo("archived");
        assertThat(client.pageRefs("OPS")).isEmpty();
        site.deletePage(p.id);
        assertThat(client.pageRef(p.id)).isEmpty();
    }

    @Test
    void pageRefsListIdsVersionsAndTitlesWithoutBodies() {
        FakeConfluence.FakePage p = site.addPage("OPS", "A", List.of(), "<p>a</p>");
        site.editPage(p.id, "<p>b</p>");

        List<PageRef> refs = cloudClient().pageRefs("OPS");

        assertThat(refs).containsExactly(new PageRef(p.id, "OPS", "A", 2, "current", FakeConfluence.START));
        assertThat(site.requestedUrls()).noneMatch(u -> u.contains("body-format"));
    }

    @Test
    void changedSinceWritesTheDateInTheZoneTheSiteReports() {
        site.timeZone(ZoneId.of("America/New_York"), true);
        FakeConfluence.FakePage old = site.addPage("OPS", "Old", List.of(), "<p/>");
        FakeConfluence.FakePage edited = site.addPage("OPS", "Edited", List.of(), "<p/>");
        site.now(Instant.parse("2024-05-15T10:00:00Z")).editPage(edited.id, "<p>new</p>");
        ConfluenceClient client = cloudClient();

        List<PageRef> changed = client.changedSince("OPS", Instant.parse("2024-05-15T09:59:30Z"));

        assertThat(changed).extracting(PageRef::id).containsExactly(edited.id).doesNotContain(old.id);
        assertThat(changed.get(0).version()).isEqualTo(2);
        assertThat(client.siteTimeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(site.requestedUrls()).anyMatch(u -> u.contains("lastmodified >= \"2024-05-15 05:59\""));
    }

    @Test
    void changedSinceUsesTheConfiguredZoneWithoutAsking() {
        site.addPage("OPS", "A", List.of(), "<p/>");
        ConfluenceClient client = client(site.settings().deployment(Deployment.CLOUD).siteTimeZone("Asia/Tokyo").build());

        client.changedSince("OPS", Instant.parse("2024-05-15T00:00:00Z"));

        assertThat(site.requestCount("/user/current")).isZero();
        assertThat(site.requestedUrls()).anyMatch(u -> u.contains("lastmodified >= \"2024-05-15 09:00\""));
    }

    @Test
    void anUnknownSpaceIsAClearErrorNotAnEmptyListing() {
        ConfluenceClient client = cloudClient();

        assertThatThrownBy(() -> client.pages("NOPE")).isInstanceOf(UnknownSpaceException.class)
                .hasMessageContaining("'NOPE' does not exist");
        assertThatThrownBy(() -> client.changedSince("NOPE", Instant.now()))
                .isInstanceOf(UnknownSpaceException.class);
        assertThatThrownBy(() -> client.pageRefs("NOPE")).isInstanceOf(UnknownSpaceException.class);
    }

    @Test
    void autoDetectsCloudFromTheV2Api() {
        ConfluenceClient client = client(site.settings().build());

        assertThat(client.deployment()).isEqualTo(Deployment.CLOUD);
        client.testConnection();
        assertThat(site.requestCount("/api/v2/spaces?limit=1")).isEqualTo(2);
    }

    @Test
    void atlassianNetHostsAreCloudWithoutACall() {
        ConfluenceClient client = client(ConfluenceSettings.builder().url("https://example.atlassian.net/wiki")
                .username("a@b.c").apiToken("t").build());

        assertThat(client.deployment()).isEqualTo(Deployment.CLOUD);
        assertThat(client.stats().requests()).isZero();
    }

    @Test
    void spaceInfoIsCachedPerClient() {
        ConfluenceClient client = cloudClient();

        SpaceInfo space = client.space("OPS");
        client.space("OPS");

        assertThat(space.name()).isEqualTo("Operations");
        assertThat(space.webUrl()).isEqualTo(site.baseUrl() + "/spaces/OPS");
        assertThat(site.requestCount("/api/v2/spaces?keys=OPS")).isEqualTo(1);
    }

    @Test
    void aSlowSiteWithinTheTimeoutIsFine() {
        site.latency(Duration.ofMillis(50));
        site.addGeneratedPages("OPS", 3);

        assertThat(drain(cloudClient().pages("OPS"))).hasSize(3);
    }
}
