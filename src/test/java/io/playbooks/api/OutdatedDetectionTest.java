package io.playbooks.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.RunningService;
import io.playbooks.confluence.FakeConfluence;
import io.playbooks.confluence.FakeConfluence.FakePage;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outdated detection end to end: the real service against a fake Confluence Cloud, one behaviour per test; what
 * agents are told is read from the broadcast endpoint.
 */
class OutdatedDetectionTest {

    private static final String API = "/api/v1/confluence";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STEPS = "<p>Restart the worker when its queue stalls.</p><ol>"
            + "<li>Restart it: <code>sudo systemctl restart billing-worker</code></li>"
            + "<li>Check the queue: <code>curl http://localhost:9000/queue</code></li></ol>";

    @TempDir
    Path workDir;

    private String name;
    private FakeConfluence site;
    private RunningService service;
    private final List<JsonNode> outdatedEvents = new ArrayList<>();
    private int broadcastsRead;

    @BeforeEach
    void startSite(TestInfo test) {
        name = "outdated-" + test.getTestMethod().orElseThrow().getName();
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        site.now(Instant.now());
    }

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        site.close();
    }

    private void startService(Map<String, Object> outdated, Map<String, Object> moreConfig,
                              Map<String, String> properties) throws Exception {
        Map<String, Object> config = new LinkedHashMap<>(moreConfig);
        config.put("outdated", outdated);
        Map<String, String> overrides = new HashMap<>(properties);
        overrides.put("playbooks.broadcast.endpoints", "mock:broadcast");
        service = ConnectorTestSupport.serviceFor(site, name, workDir, List.of("OPS"), config, overrides);
    }

    private FakePage runbook(String title, String extra) {
        return site.addPage("OPS", title, List.of("runbook"), STEPS + extra);
    }

    @Test
    void deletedArchivedTrashedAndMovedPagesAreToldApartAndAnnouncedOnce() throws Exception {
        site.addSpace("ARCHIVE", "Archive");
        FakePage moved = runbook("Restart the billing worker", "");
        FakePage archived = runbook("Restart the mail worker", "");
        FakePage deleted = runbook("Restart the search worker", "");
        FakePage trashed = runbook("Restart the video worker", "");
        runbook("Restart the audit worker", "");
        startService(Map.of("stale_after_days", 0, "dead_links", false), Map.of(), Map.of());
        service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}");
        site.movePage(moved.id, "ARCHIVE");
        site.archivePage(archived.id);
        site.deletePage(deleted.id);
        site.trashPage(trashed.id);

        service.post(API + "/sync", "{}");
        List<JsonNode> events = outdatedEvents(4);
        service.post(API + "/sync", "{}");

        Map<String, JsonNode> flags = flagsBySlug(service.get(API + "/playbooks?outdated=true").json());
        assertThat(flags).hasSize(4);
        assertThat(flags.get("restart-the-billing-worker").get(0).get("kind").asText()).isEqualTo("moved");
        assertThat(flags.get("restart-the-mail-worker").get(0).get("kind").asText()).isEqualTo("archived");
        assertThat(flags.get("restart-the-search-worker").get(0).get("kind").asText()).isEqualTo("deleted");
        assertThat(flags.get("restart-the-video-worker").get(0).get("kind").asText()).isEqualTo("deleted");
        assertThat(flags.get("restart-the-video-worker").get(0).get("reason").asText()).contains("is trashed");
        assertThat(service.get(API + "/playbooks?outdated=false").json().get("playbooks").findValuesAsText("slug"))
                .containsExactly("restart-the-audit-worker");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("severity").asText()).isEqualTo("warning");
            assertThat(e.get("details").get("change").asText()).isEqualTo("outdated");
        });
        assertThat(events).extracting(e -> e.get("details").get("outdated_kind").asText())
                .containsExactlyInAnyOrder("moved", "archived", "deleted", "deleted");
        assertThat(events).anySatisfy(e -> assertThat(e.get("details").get("reason").asText())
                .contains("moved from space OPS to space ARCHIVE"));
        Thread.sleep(500);
        assertThat(outdatedEvents(4)).as("the second sync repeats no event").hasSize(4);
    }

    @Test
    void aPageNotEditedForStaleAfterDaysIsStaleUntilANewVersionIsImported() throws Exception {
        site.now(FakeConfluence.START);
        FakePage page = runbook("Restart the billing worker", "");
        site.now(Instant.now());
        startService(Map.of("stale_after_days", 30, "dead_links", false), Map.of(), Map.of());
        service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}");

        JsonNode afterList = service.get(API + "/playbooks").json().get("playbooks").get(0);
        site.editPage(page.id, page.body().replace("billing-worker", "billing-worker.service"));
        service.post(API + "/sync", "{}");
        JsonNode afterEdit = service.get(API + "/playbooks/restart-the-billing-worker").json();

        assertThat(afterList.get("outdated").asBoolean()).isTrue();
        assertThat(afterList.get("outdated_flags").get(0).get("kind").asText()).isEqualTo("stale");
        assertThat(afterList.get("outdated_reason").asText())
                .isEqualTo("the page was last edited on 2024-05-14, more than 30 days ago (stale_after_days)");
        assertThat(afterEdit.get("outdated").asBoolean()).isFalse();
        assertThat(afterEdit.get("outdated_flags")).isEmpty();
    }

    @Test
    void zeroStaleAfterDaysTurnsStalenessOff() throws Exception {
        site.now(FakeConfluence.START);
        runbook("Restart the billing worker", "");
        site.now(Instant.now());
        startService(Map.of("stale_after_days", 0, "dead_links", false), Map.of(), Map.of());
        service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}");
        service.post(API + "/sync", "{}");

        assertThat(service.get(API + "/playbooks").json().get("playbooks").get(0).get("outdated").asBoolean()).isFalse();
    }

    @Test
    void aNewerVersionLeftOutByTheSettingsIsFlaggedWithBothVersions() throws Exception {
        FakePage page = runbook("Restart the billing worker", "");
        startService(Map.of("stale_after_days", 0, "dead_links", false), Map.of("auto_update_existing", false),
                Map.of());
        service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}");
        site.editPage(page.id, page.body().replace("billing-worker", "billing-worker.service"));

        service.post(API + "/sync", "{}");

        JsonNode flag = service.get(API + "/playbooks/restart-the-billing-worker").json().get("outdated_flags").get(0);
        assertThat(flag.get("kind").asText()).isEqualTo("newer_version");
        assertThat(flag.get("reason").asText()).isEqualTo("Confluence has version 2 of the page, the playbook holds"
                + " version 1: auto_update_existing is off");
        assertThat(outdatedEvents(1).get(0).get("details").get("outdated_kind").asText()).isEqualTo("newer_version");
    }

    @Test
    void aNewerVersionThatFailedToImportIsFlaggedUntilASyncImportsIt() throws Exception {
        FakePage page = runbook("Restart the billing worker", "");
        startService(Map.of("stale_after_days", 0, "dead_links", false), Map.of(), Map.of());
        service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}");
        site.editPage(page.id, page.body().replace("billing-worker", "billing-worker.service"));
        site.failNext("/pages/" + page.id, 3, 500, Map.of());

        service.post(API + "/sync", "{}");
        JsonNode failed = service.get(API + "/playbooks/restart-the-billing-worker").json();
        service.post(API + "/sync", "{}");
        JsonNode imported = service.get(API + "/playbooks/restart-the-billing-worker").json();

        assertThat(failed.get("outdated_flags").get(0).get("kind").asText()).isEqualTo("newer_version");
        assertThat(failed.get("outdated_reason").asText()).startsWith("Confluence has version 2 of the page, the"
                + " playbook holds version 1");
        assertThat(imported.get("confluence_version").asInt()).isEqualTo(2);
        assertThat(imported.get("outdated_flags")).isEmpty();
    }

    @Test
    void deadLinksToPagesAndAttachmentsAreFlaggedAndClearWhenTheTargetsAreBack() throws Exception {
        site.addSpace("INFRA", "Infrastructure");
        FakePage rollback = site.addPage("OPS", "Rollback", List.of(), "<p>How we roll back.</p>");
        FakePage hosts = site.addPage("INFRA", "Hosts and ports", List.of(), "<p>The hosts.</p>");
        site.addAttachment(hosts.id, "hosts.csv", "text/csv", "a,b".getBytes(StandardCharsets.UTF_8));
        FakePage page = runbook("Restart the billing worker", "<p>"
                + "<ac:link><ri:page ri:content-title=\"Rollback\" /></ac:link>"
                + "<ac:link><ri:page ri:content-title=\"Gone\" /></ac:link>"
                + "<ac:link><ri:page ri:space-key=\"INFRA\" ri:content-title=\"Hosts and ports\" /></ac:link>"
                + "<ac:image><ri:attachment ri:filename=\"flow.png\" /></ac:image>"
                + "<ac:image><ri:attachment ri:filename=\"missing.png\" /></ac:image>"
                + "<ac:link><ri:attachment ri:filename=\"hosts.csv\"><ri:page ri:space-key=\"INFRA\""
                + " ri:content-title=\"Hosts and ports\" /></ri:attachment></ac:link>"
                + "<ac:link><ri:attachment ri:filename=\"old.csv\"><ri:page ri:space-key=\"INFRA\""
                + " ri:content-title=\"Hosts and ports\" /></ri:attachment></ac:link></p>");
        String flow = site.addAttachment(page.id, "flow.png", "image/png", new byte[]{1}).id;
        // every sync is a full check here, as when the reconcile interval has passed
        startService(Map.of("stale_after_days", 0, "dead_links", true), Map.of(),
                Map.of("confluence.reconcile.interval.hours", "0"));
        service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}");

        service.post(API + "/sync", "{}");
        JsonNode dead = service.get(API + "/playbooks/restart-the-billing-worker").json().get("outdated_flags");
        site.addPage("OPS", "Gone", List.of(), "<p>Back again.</p>");
        site.addAttachment(hosts.id, "old.csv", "text/csv", new byte[]{1});
        site.addAttachment(page.id, "missing.png", "image/png", new byte[]{1});
        site.editPage(page.id, page.body() + "<p>Pictures added.</p>");
        service.post(API + "/sync", "{}");
        JsonNode fixed = service.get(API + "/playbooks/restart-the-billing-worker").json();
        site.deletePage(rollback.id);
        site.deleteAttachment(flow);
        service.post(API + "/sync", "{}");
        JsonNode targetGone = service.get(API + "/playbooks/restart-the-billing-worker").json();

        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).get("kind").asText()).isEqualTo("dead_link");
        assertThat(dead.get(0).get("reason").asText()).isEqualTo("links to 3 targets that no longer exist:"
                + " page 'Gone', attachment 'missing.png', attachment 'old.csv' of page 'Hosts and ports' in space INFRA");
        assertThat(fixed.get("outdated").asBoolean()).as(fixed.toString()).isFalse();
        assertThat(targetGone.get("outdated_reason").asText()).as("found by the full check without an edit")
                .isEqualTo("links to 2 targets that no longer exist: page 'Rollback', attachment 'flow.png'");
    }

    @Test
    void aDeadLinkCheckCostsOneQueryPerSpaceAndFortyTitlesNotOnePerLink() throws Exception {
        site.addSpace("INFRA", "Infrastructure");
        FakePage hosts = site.addPage("INFRA", "Hosts", List.of(), "<p>The hosts.</p>");
        site.addAttachment(hosts.id, "hosts.csv", "text/csv", new byte[]{1});
        int pages = 100;
        for (int i = 0; i < pages; i++) {
            if (i % 2 == 0) {
                site.addPage("OPS", "Target " + i, List.of(), "<p>A target.</p>");
            }
            runbook("Restart worker " + i, "<p><ac:link><ri:page ri:content-title=\"Target " + i + "\" /></ac:link>"
                    + "<ac:link><ri:page ri:space-key=\"INFRA\" ri:content-title=\"Hosts\" /></ac:link>"
                    + "<ac:link><ri:attachment ri:filename=\"hosts.csv\"><ri:page ri:space-key=\"INFRA\""
                    + " ri:content-title=\"Hosts\" /></ri:attachment></ac:link></p>");
        }
        startService(Map.of("stale_after_days", 0, "dead_links", true), Map.of(), Map.of());
        service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}");
        site.resetRequests();

        service.post(API + "/sync", "{}");

        // 100 titles in OPS: 3 queries of up to 40; INFRA: 1 for its title, 1 for its attachment
        assertThat(site.requestCount("title in")).isEqualTo(5);
        JsonNode outdated = service.get(API + "/playbooks?outdated=true").json();
        assertThat(outdated.get("total_confluence_playbooks").asInt()).isEqualTo(pages / 2);
        assertThat(outdated.get("playbooks").findValuesAsText("outdated_reason"))
                .allSatisfy(r -> assertThat(r).startsWith("links to a target that no longer exists: page 'Target "));
    }

    @Test
    void aFilterThatIsNeitherTrueNorFalseIsRefused() throws Exception {
        startService(Map.of("stale_after_days", 0, "dead_links", false), Map.of(), Map.of());

        RunningService.Reply reply = service.get(API + "/playbooks?outdated=maybe");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).contains("outdated must be true or false, not 'maybe'");
    }

    private static Map<String, JsonNode> flagsBySlug(JsonNode list) {
        Map<String, JsonNode> flags = new HashMap<>();
        list.get("playbooks").forEach(p -> flags.put(p.get("slug").asText(), p.get("outdated_flags")));
        return flags;
    }

    /** The outdated events broadcast so far, waiting (they go out through the outbox) until at least {@code atLeast}. */
    private List<JsonNode> outdatedEvents(int atLeast) throws InterruptedException {
        MockEndpoint broadcast = service.camel().getEndpoint("mock:broadcast", MockEndpoint.class);
        for (int i = 0; i < 100 && outdatedEvents.size() < atLeast; i++) {
            Thread.sleep(i == 0 ? 0 : 100);
            List<Exchange> received = List.copyOf(broadcast.getReceivedExchanges());
            // each body is a stream that reads once: only the new ones are read
            for (Exchange exchange : received.subList(broadcastsRead, received.size())) {
                JsonNode event = parse(exchange.getMessage().getBody(String.class));
                if ("playbook_outdated".equals(event.path("category").asText())) {
                    outdatedEvents.add(event);
                }
            }
            broadcastsRead = received.size();
        }
        return List.copyOf(outdatedEvents);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
