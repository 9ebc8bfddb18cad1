package io.playbooks.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.RunningService;
import io.playbooks.RunningService.Reply;
import io.playbooks.confluence.FakeConfluence;
import io.playbooks.confluence.FakeConfluence.FakePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API end to end: the real service and routes against a fake Confluence Cloud serving the authored pages. */
class ConfluenceApiTest {

    private static final String API = "/api/v1/confluence";

    @TempDir
    Path workDir;

    private FakeConfluence site;
    private List<FakePage> pages;
    private RunningService service;

    @BeforeEach
    void start(TestInfo test) throws Exception {
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        pages = site.addAuthoredPages("OPS");
        site.now(Instant.now());
        service = ConnectorTestSupport.serviceFor(site, "api-" + test.getTestMethod().orElseThrow().getName(), workDir,
                List.of("OPS"), Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        site.close();
    }

    @Test
    void statusShowsTheConnectionAndTheConfiguredSpaces() {
        JsonNode status = service.get(API + "/status").json();

        assertThat(status.get("enabled").asBoolean()).isTrue();
        assertThat(status.get("connected").asBoolean()).isTrue();
        assertThat(status.get("spaces_configured")).extracting(JsonNode::asText).containsExactly("OPS");
        assertThat(status.get("total_confluence_playbooks").asInt()).isZero();
        assertThat(status.get("connection_error").isNull()).isTrue();
        assertThat(status.get("sync_service").get("interval_seconds").asInt()).isEqualTo(3600);
        assertThat(status.toString()).doesNotContain(FakeConfluence.CLOUD_TOKEN);
    }

    @Test
    void discoverListsThePlaybookCandidatesWithScoreAndReasonsAndStoresNothing() {
        JsonNode discovered = service.get(API + "/discover?space_key=OPS").json();

        assertThat(discovered.get("total_pages").asInt()).isEqualTo(pages.size());
        assertThat(discovered.get("discovered_pages").asInt()).isEqualTo(20);
        JsonNode first = discovered.get("pages").get(0);
        assertThat(first.get("score").asDouble()).isGreaterThan(0.5);
        assertThat(first.get("reasons")).isNotEmpty();
        assertThat(first.get("web_url").asText()).startsWith(site.baseUrl());
        assertThat(service.get(API + "/playbooks").json().get("total_confluence_playbooks").asInt()).isZero();
    }

    @Test
    void previewConvertsOnePageWithoutStoringIt() {
        FakePage deploy = page("Deploy Application");

        JsonNode preview = service.get(API + "/preview/" + deploy.id).json();

        assertThat(preview.get("page_info").get("title").asText()).isEqualTo("Deploy Application");
        assertThat(preview.get("metadata").get("is_playbook").asBoolean()).isTrue();
        assertThat(preview.get("playbook_spec").get("steps")).hasSize(5);
        assertThat(preview.get("yaml_preview").asText()).contains("sudo systemctl restart storefront");
        assertThat(service.get(API + "/playbooks").json().get("total_confluence_playbooks").asInt()).isZero();
    }

    @Test
    void importStoresAPlaybookOnceAndForceUpdateAddsAVersion() {
        FakePage deploy = page("Deploy Application");
        String body = "{\"page_id\": \"" + deploy.id + "\"}";

        JsonNode first = service.post(API + "/import", body).json();
        JsonNode again = service.post(API + "/import", body).json();
        JsonNode forced = service.post(API + "/import", "{\"page_id\": \"" + deploy.id + "\", \"force_update\": true}").json();

        assertThat(first.get("success").asBoolean()).isTrue();
        assertThat(first.get("outcome").asText()).isEqualTo("created");
        assertThat(first.get("step_count").asInt()).isEqualTo(5);
        assertThat(first.get("category").asText()).isEqualTo("operations");
        assertThat(again.get("outcome").asText()).isEqualTo("unchanged");
        assertThat(again.get("playbook_id").asLong()).isEqualTo(first.get("playbook_id").asLong());
        assertThat(forced.get("outcome").asText()).isEqualTo("updated");
        JsonNode history = service.get(API + "/playbooks/" + first.get("playbook_id").asText() + "/versions").json();
        assertThat(history.get("total_versions").asInt()).isEqualTo(2);
    }

    @Test
    void importOfAPageThatIsNoPlaybookIsRefusedWithTheReasons() {
        FakePage glossary = page("Platform glossary");

        Reply reply = service.post(API + "/import", "{\"page_id\": \"" + glossary.id + "\"}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("error").asText()).contains("is not a playbook");
    }

    @Test
    void bulkImportImportsEveryPlaybookOnceAndASecondRunSkipsThemAll() {
        site.resetRequests();
        JsonNode first = service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}").json();
        int requestsOfFirstRun = site.requestCount();
        JsonNode second = service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}").json();

        assertThat(first.get("discovered_pages").asInt()).isEqualTo(20);
        assertThat(first.get("successful_imports").asInt()).isEqualTo(20);
        assertThat(first.get("failed_imports").asInt()).isZero();
        assertThat(first.get("imported_playbooks")).hasSize(20);
        assertThat(second.get("successful_imports").asInt()).isZero();
        assertThat(second.get("skipped_imports").asInt()).isEqualTo(20);
        assertThat(requestsOfFirstRun).as("30 pages: one listing call plus a constant").isLessThanOrEqualTo(6);
        assertThat(service.get(API + "/playbooks").json().get("total_confluence_playbooks").asInt()).isEqualTo(20);
    }

    @Test
    void syncImportsEditedAndNewPagesAndMarksDeletedOnesOutdated() {
        service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}");
        FakePage deploy = page("Deploy Application");
        FakePage drain = page("How to drain a Kubernetes worker node");
        site.editPage(deploy.id, deploy.body().replace("git pull --ff-only origin main", "git pull --ff-only origin release"));
        site.addPage("OPS", "Restart the billing worker", List.of("runbook"),
                "<p>Restart the worker when its queue stalls.</p><ol><li>Restart it: <code>sudo systemctl restart billing-worker</code></li>"
                        + "<li>Check the queue: <code>curl http://localhost:9000/queue</code></li></ol>");
        site.deletePage(drain.id);

        JsonNode sync = service.post(API + "/sync", "{\"max_age_hours\": 1}").json();

        assertThat(sync.get("updated_playbooks").asInt()).isEqualTo(1);
        assertThat(sync.get("new_playbooks").asInt()).isEqualTo(1);
        assertThat(sync.get("outdated_playbooks").asInt()).isEqualTo(1);
        assertThat(sync.get("failed_updates").asInt()).isZero();
        assertThat(sync.get("completed").asBoolean()).isTrue();
        JsonNode listed = service.get(API + "/playbooks").json();
        assertThat(listed.get("total_confluence_playbooks").asInt()).isEqualTo(21);
        assertThat(listed.get("playbooks").findValuesAsText("outdated")).containsOnlyOnce("true");
    }

    @Test
    void syncSaysWhetherAPageWasMovedArchivedOrDeleted() {
        site.addSpace("ARCHIVE", "Archive");
        service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}");
        site.movePage(page("Deploy Application").id, "ARCHIVE");
        site.archivePage(page("How to drain a Kubernetes worker node").id);
        site.deletePage(page("Kafka rolling broker restart").id);

        JsonNode sync = service.post(API + "/sync", "{}").json();

        assertThat(sync.get("outdated_playbooks").asInt()).isEqualTo(3);
        List<String> reasons = service.get(API + "/playbooks").json().get("playbooks").findValuesAsText("outdated_reason");
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("moved from space OPS to space ARCHIVE"))
                .anySatisfy(r -> assertThat(r).contains("is archived"))
                .anySatisfy(r -> assertThat(r).contains("was deleted"));
    }

    @Test
    void aPageThatFailedInASyncIsImportedByTheNextOne() {
        service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}");
        FakePage deploy = page("Deploy Application");
        site.editPage(deploy.id, deploy.body().replace("origin main", "origin hotfix"));
        // as many failures as the test configuration's max_attempts: the first sync gives up on the page
        site.failNext("/pages/" + deploy.id, 3, 500, Map.of());

        JsonNode failed = service.post(API + "/sync", "{}").json();
        JsonNode retried = service.post(API + "/sync", "{}").json();

        assertThat(failed.get("failed_updates").asInt()).isEqualTo(1);
        assertThat(failed.get("errors").toString()).contains(deploy.id);
        assertThat(retried.get("updated_playbooks").asInt()).as("the watermark of the failed space stayed").isEqualTo(1);
        assertThat(retried.get("failed_updates").asInt()).isZero();
    }

    @Test
    void aSyncWhileConfluenceIsDownFailsClearlyAndTheNextOneCatchesUp() {
        service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}");
        service.post(API + "/sync", "{}");
        FakePage deploy = page("Deploy Application");
        site.editPage(deploy.id, deploy.body().replace("origin main", "origin hotfix"));
        site.addPage("OPS", "Restart the billing worker", List.of("runbook"),
                "<ol><li>Restart it: <code>sudo systemctl restart billing-worker</code></li></ol>");
        site.failNext("", 100, 503, Map.of());

        Reply down = service.post(API + "/sync", "{}");
        site.resetFaults();
        JsonNode back = service.post(API + "/sync", "{}").json();

        assertThat(down.status()).isEqualTo(502);
        assertThat(down.json().get("error").asText()).contains("503");
        assertThat(back.get("updated_playbooks").asInt()).isEqualTo(1);
        assertThat(back.get("new_playbooks").asInt()).isEqualTo(1);
        assertThat(back.get("completed").asBoolean()).isTrue();
    }

    @Test
    void aPlaybookWhosePageNoLongerReadsAsOneIsMarkedOutdated() {
        service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}");
        FakePage deploy = page("Deploy Application");
        site.editPage(deploy.id, "<p>Notes of the weekly sync: we talked about the roadmap and the budget.</p>");

        JsonNode sync = service.post(API + "/sync", "{}").json();

        assertThat(sync.get("not_playbooks").asInt()).isEqualTo(1);
        JsonNode playbook = service.get(API + "/playbooks/deploy-application").json();
        assertThat(playbook.get("outdated").asBoolean()).isTrue();
        assertThat(playbook.get("outdated_reason").asText()).startsWith("no longer a playbook at version 2");
    }

    @Test
    void theStoredTokenIsNeverSentToAnotherSite() {
        Reply elsewhere = service.post(API + "/connection/test", "{\"url\": \"http://127.0.0.1:9/wiki\", \"spaces\": [\"OPS\"]}");
        Reply sameSite = service.post(API + "/connection/test", "{\"url\": \"" + site.baseUrl() + "/\", \"username\": \""
                + FakeConfluence.CLOUD_USER + "\", \"spaces\": [\"OPS\"]}");

        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().get("error").asText()).contains("api_token is required when the url changes");
        assertThat(sameSite.status()).isEqualTo(200);
    }

    @Test
    void aUrlHoldingAPasswordIsRefusedAtOnceAndThePasswordNotSaidBack() {
        Reply withPassword = service.post(API + "/configure", "{\"url\": \"http://ann:s3cret@127.0.0.1:9/wiki\", "
                + "\"api_token\": \"t\", \"spaces\": [\"OPS\"]}");

        assertThat(withPassword.status()).isEqualTo(400);
        assertThat(withPassword.json().get("error").asText()).contains("must not hold a user name or password")
                .doesNotContain("s3cret");
    }

    /** The verbs consume JSON only, so a cross-site text/plain or form post never reaches a route. */
    @Test
    void aPostThatIsNotJsonIsRefused() {
        Reply reply = service.send("/api/v1/confluence/import", "text/plain", "{\"page_id\": \"1\"}");

        assertThat(reply.status()).isEqualTo(415);
    }

    @Test
    void aSyncOfAnUnchangedSpaceCostsAtMostThreeRequests() {
        service.post(API + "/bulk-import", "{\"space_key\": \"OPS\"}");
        service.post(API + "/sync", "{}");
        site.resetRequests();

        JsonNode sync = service.post(API + "/sync", "{}").json();

        assertThat(sync.get("updated_playbooks").asInt() + sync.get("new_playbooks").asInt()).isZero();
        assertThat(site.requestCount()).as(site.requestedUrls().toString()).isLessThanOrEqualTo(3);
    }

    @Test
    void errorsAreJsonWithAFittingStatus() {
        Reply unknownSpace = service.post(API + "/bulk-import", "{\"space_key\": \"NOPE\"}");
        Reply missingPage = service.get(API + "/preview/999999999");
        Reply badJson = service.post(API + "/import", "{\"page_id\": ");
        Reply noPageId = service.post(API + "/import", "{}");
        Reply noPlaybook = service.get(API + "/playbooks/does-not-exist");

        assertThat(unknownSpace.status()).isEqualTo(404);
        assertThat(unknownSpace.json().get("error").asText()).contains("NOPE");
        assertThat(missingPage.status()).isEqualTo(404);
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(noPageId.status()).isEqualTo(400);
        assertThat(noPageId.json().get("error").asText()).contains("page_id is required");
        assertThat(noPlaybook.status()).isEqualTo(404);
    }

    @Test
    void aTriggeredSyncAnswersWithTheStatusInTheApisSnakeCase() {
        JsonNode triggered = service.post(API + "/sync/trigger", "{}").json();

        assertThat(triggered.get("triggered").asBoolean()).isTrue();
        assertThat(triggered.get("status").has("schedule_paused")).isTrue();
        assertThat(triggered.get("status").has("running_since")).isTrue();
        assertThat(triggered.get("status").has("schedulePaused")).isFalse();
    }

    @Test
    void queryParametersDoNotEchoBackAsResponseHeaders() {
        Reply reply = service.get(API + "/status?echo=me");

        assertThat(reply.headers()).doesNotContainKey("echo");
    }

    @Test
    void configureTestsTheConnectionFirstAndSavesTheTokenEncrypted() throws Exception {
        Reply wrong = service.post(API + "/configure", "{\"url\": \"" + site.baseUrl() + "\", \"username\": \""
                + FakeConfluence.CLOUD_USER + "\", \"api_token\": \"wrong-token\", \"spaces\": [\"OPS\"]}");
        Reply right = service.post(API + "/configure", "{\"url\": \"" + site.baseUrl() + "\", \"username\": \""
                + FakeConfluence.CLOUD_USER + "\", \"api_token\": \"" + FakeConfluence.CLOUD_TOKEN + "\", \"spaces\": [\"OPS\"]}");

        assertThat(wrong.status()).isEqualTo(502);
        assertThat(wrong.json().get("type").asText()).isEqualTo("confluence_auth");
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.json().get("connected").asBoolean()).isTrue();
        assertThat(right.body()).doesNotContain(FakeConfluence.CLOUD_TOKEN);
        String saved = Files.readString(workDir.resolve("data/confluence-connection.json"));
        assertThat(saved).contains(site.baseUrl()).doesNotContain(FakeConfluence.CLOUD_TOKEN);
    }

    private FakePage page(String title) {
        return pages.stream().filter(p -> p.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no authored page titled " + title));
    }
}
