package io.playbooks.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.RunningService;
import io.playbooks.confluence.FakeConfluence;
import io.playbooks.confluence.FakeConfluence.FakePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk import through the API: Data Center, throttling, attachments, progress, and a crash in the middle. */
class BulkImportTest {

    private static final String API = "/api/v1/confluence";

    @TempDir
    Path workDir;

    private FakeConfluence site;
    private RunningService service;

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        site.close();
    }

    @Test
    void dataCenterWithAContextPathImportsTheSameAsCloud() throws Exception {
        site = FakeConfluence.dataCenter("/confluence").start();
        site.addSpace("OPS", "Operations");
        site.addAuthoredPages("OPS");
        service = ConnectorTestSupport.serviceFor(site, "bulk-dc", workDir, List.of("OPS"), Map.of());

        JsonNode report = service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}").json();

        assertThat(report.get("successful_imports").asInt()).isEqualTo(20);
        assertThat(report.get("failed_imports").asInt()).isZero();
        assertThat(service.get(API + "/status").json().get("deployment").asText()).isEqualTo("auto");
    }

    @Test
    void aStormOf429sSlowsTheImportDownButLosesNothing() throws Exception {
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        site.addAuthoredPages("OPS");
        service = ConnectorTestSupport.serviceFor(site, "bulk-429", workDir, List.of("OPS"), Map.of());
        site.failNext("/pages", 2, 429, Map.of("Retry-After", "1"));

        JsonNode report = service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}").json();

        assertThat(report.get("successful_imports").asInt()).isEqualTo(20);
        assertThat(report.get("errors")).isEmpty();
    }

    @Test
    void theAttachmentMetadataOfAPageIsKeptWithItsPlaybookVersion() throws Exception {
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        FakePage page = site.addPage("OPS", "Rotate the API gateway certificate", List.of("runbook"),
                "<p>Rotate the certificate before it expires.</p><ol><li>Open the dashboard shown here:"
                        + "<ac:image><ri:attachment ri:filename=\"gateway.png\" /></ac:image></li>"
                        + "<li>Reload: <code>sudo systemctl reload gateway</code></li></ol>");
        site.addAttachment(page.id, "gateway.png", "image/png", "png".getBytes(StandardCharsets.UTF_8));
        service = ConnectorTestSupport.serviceFor(site, "bulk-attachments", workDir, List.of("OPS"), Map.of());

        JsonNode imported = service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}").json();
        long playbookId = imported.get("imported_playbooks").get(0).get("playbook_id").asLong();
        JsonNode playbook = service.get(API + "/playbooks/" + playbookId).json();

        JsonNode attachment = playbook.get("attachments").get(0);
        assertThat(attachment.get("file_name").asText()).isEqualTo("gateway.png");
        assertThat(attachment.get("media_type").asText()).isEqualTo("image/png");
        assertThat(attachment.get("download_url").asText()).contains("gateway.png");
    }

    @Test
    void aSecondBulkImportWhileOneRunsIsRefusedAndProgressIsVisible() throws Exception {
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        site.addGeneratedPages("OPS", 600);
        site.latency(Duration.ofMillis(300));
        service = ConnectorTestSupport.serviceFor(site, "bulk-progress", workDir, List.of("OPS"), Map.of());

        CompletableFuture<RunningService.Reply> first = CompletableFuture.supplyAsync(
                () -> service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}"));
        JsonNode progress = awaitBulkImport(bulk -> bulk.get("done_pages").asInt() >= 1);
        RunningService.Reply second = service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}");

        assertThat(progress.get("running").asBoolean()).isTrue();
        assertThat(progress.get("done_pages").asInt()).isPositive();
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("error").asText()).contains("already running");
        assertThat(first.get().json().get("done_pages").asInt()).isEqualTo(600);
    }

    @Test
    void aServiceStoppedInTheMiddleOfABulkImportResumesItAtTheNextStartAndImportsEveryPageExactlyOnce() throws Exception {
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        site.addGeneratedPages("OPS", 600);
        site.latency(Duration.ofMillis(200));
        Map<String, String> fileDatabase = Map.of("playbooks.db.url", "jdbc:h2:file:" + workDir.resolve("db/playbooks"),
                "camel.main.shutdown-timeout", "1");
        service = ConnectorTestSupport.serviceFor(site, "bulk-crash", workDir, List.of("OPS"), fileDatabase);
        CompletableFuture.runAsync(() -> service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}"));
        int doneBeforeStop = awaitBulkImport(bulk -> bulk.get("done_pages").asInt() >= 260).get("done_pages").asInt();
        service.close();

        site.latency(Duration.ZERO);
        service = ConnectorTestSupport.serviceFor(site, "bulk-crash-rerun", workDir, List.of("OPS"), fileDatabase);
        JsonNode resumed = awaitBulkImport(bulk -> !bulk.get("running").asBoolean());
        JsonNode fromScratch = service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}").json();
        JsonNode playbooks = service.get(API + "/playbooks").json();

        assertThat(doneBeforeStop).isBetween(260, 599);
        assertThat(resumed.get("resumed").asBoolean()).as("the next start resumes the stopped import").isTrue();
        assertThat(resumed.get("pages_done_before").asInt()).isGreaterThanOrEqualTo(doneBeforeStop);
        assertThat(resumed.get("failed_imports").asInt()).isZero();
        int total = playbooks.get("total_confluence_playbooks").asInt();
        assertThat(fromScratch.get("successful_imports").asInt()).as("nothing was left out").isZero();
        assertThat(fromScratch.get("skipped_imports").asInt()).isEqualTo(total);
        assertThat(playbooks.get("playbooks").findValuesAsText("version_number")).containsOnly("1");
    }

    @Test
    void aDataCenterImportResumedAfterEarlierPagesWereDeletedAndADonePageEditedLeavesNothingOut() throws Exception {
        site = FakeConfluence.dataCenter("/confluence").start();
        site.addSpace("OPS", "Operations");
        List<FakePage> pages = site.addGeneratedPages("OPS", 600);
        site.latency(Duration.ofMillis(200));
        Map<String, String> fileDatabase = Map.of("playbooks.db.url", "jdbc:h2:file:" + workDir.resolve("db/playbooks"),
                "camel.main.shutdown-timeout", "1");
        service = ConnectorTestSupport.serviceFor(site, "bulk-dc-shift", workDir, List.of("OPS"), fileDatabase);
        CompletableFuture.runAsync(() -> service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}"));
        awaitBulkImport(bulk -> bulk.get("done_pages").asInt() >= 260);
        service.close();
        // the listing pages by offset: deleting pages before the stop shifts every later page towards the start
        pages.subList(0, 50).forEach(page -> site.deletePage(page.id));
        site.editPage(pages.get(60).id, pages.get(60).body() + "<p>Edited after it was imported.</p>");

        site.latency(Duration.ZERO);
        service = ConnectorTestSupport.serviceFor(site, "bulk-dc-shift-rerun", workDir, List.of("OPS"), fileDatabase);
        JsonNode resumed = awaitBulkImport(bulk -> !bulk.get("running").asBoolean());
        JsonNode fromScratch = service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}").json();

        assertThat(resumed.get("resumed").asBoolean()).isTrue();
        assertThat(resumed.get("failed_imports").asInt()).as(resumed::toString).isZero();
        assertThat(resumed.get("imported_playbooks").findValuesAsText("confluence_page_id")).as("the edited page")
                .contains(pages.get(60).id);
        assertThat(fromScratch.get("successful_imports").asInt()).as("nothing was left out: " + fromScratch).isZero();
    }

    /** Polls /sync/status until the bulk import matches (two minutes at most). */
    private JsonNode awaitBulkImport(Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode bulk = service.get(API + "/sync/status").json().get("bulk_import");
            if (bulk != null && !bulk.isNull() && condition.test(bulk)) {
                return bulk;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the bulk import did not come to the expected state in 120 s");
    }
}
