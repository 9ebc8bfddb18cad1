package io.playbooks.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.RunningService;
import io.playbooks.page.SourcePage;
import io.playbooks.storage.Database;
import io.playbooks.sync.ImportResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/confluence/analytics on the real service: pages go through direct:import-page (which counts them),
 * the answer keeps the dashboard keys, bad query parameters are 400s, and the counts survive a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsApiTest {

    private static final String ANALYTICS = "/api/v1/confluence/analytics";
    private static final String NAME = "analytics-api";
    private static final String RUNBOOK = """
            <p>Restart the label printer service when labels stop printing.</p>
            <ol>
            <li><p>Restart the service:</p><ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[sudo systemctl restart label-printer]]></ac:plain-text-body></ac:structured-macro></li>
            <li><p>Check it answers:</p><ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[curl -fsS http://localhost:9100/health]]></ac:plain-text-body></ac:structured-macro></li>
            </ol>
            """;

    private Path workDir;
    private RunningService service;
    private long playbookId;

    @BeforeAll
    void importPages(@TempDir Path workDir) throws Exception {
        this.workDir = workDir;
        service = RunningService.start(NAME, workDir, Map.of());
        ImportResult created = importPage(page("9001", "Restart the label printer", RUNBOOK));
        importPage(page("9001", "Restart the label printer", RUNBOOK));
        importPage(page("9002", "Team offsite meeting notes", "<p>We talked about the roadmap.</p>"));
        playbookId = created.playbookId();
        Database database = service.camel().getRegistry().lookupByNameAndType("database", Database.class);
        AnalyticsFixtures.use(database.dataSource(), playbookId, "fetched", Instant.now().minusSeconds(60).toString(), 2);
    }

    @AfterAll
    void stop() throws Exception {
        service.close();
    }

    @Test
    void everyImportThroughTheRouteIsCountedForItsSpace() {
        JsonNode analytics = okAnalytics("");
        JsonNode ops = analytics.get("spaces").get("OPS");

        assertThat(ops.get("import").get("created").asLong()).isEqualTo(1);
        assertThat(ops.get("import").get("unchanged").asLong()).isEqualTo(1);
        assertThat(ops.get("import").get("not_playbook").asLong()).isEqualTo(1);
        assertThat(ops.get("import").get("attempted").asLong()).isEqualTo(2);
        assertThat(ops.get("import").get("success_rate").asDouble()).isEqualTo(1.0);
        assertThat(ops.get("quality").get("steps").asInt()).isEqualTo(2);
        assertThat(ops.get("quality").get("concrete_step_share").asDouble()).isEqualTo(1.0);
        assertThat(ops.get("current").get("pages_checked").asInt()).isEqualTo(2);
        assertThat(ops.get("effectiveness").get("score").asDouble()).isEqualTo(0.5);
        assertThat(analytics.get("most_used").get(0).get("playbook_id").asLong()).isEqualTo(playbookId);
        assertThat(analytics.get("most_used").get(0).get("fetched").asLong()).isEqualTo(2);
    }

    @Test
    void theHaivemindKeysStayAndTheNewOnesAreAdded() {
        JsonNode analytics = okAnalytics("?bucket=hour&from=" + Instant.now().minusSeconds(3 * 3600));

        assertThat(analytics.get("total_confluence_playbooks").asInt()).isEqualTo(1);
        assertThat(analytics.get("space_statistics").get("OPS").get("playbooks").asInt()).isEqualTo(1);
        assertThat(analytics.has("category_statistics")).isTrue();
        assertThat(analytics.get("import_timeline").isArray()).isTrue();
        assertThat(analytics.get("window").get("bucket").asText()).isEqualTo("hour");
        assertThat(analytics.get("series").get("bucket_starts").size()).isEqualTo(4);
        long attempts = 0;
        for (JsonNode bucket : analytics.get("series").get("import_attempts").get("OPS")) {
            attempts += bucket.asLong();
        }
        assertThat(attempts).isEqualTo(2);
        assertThat(analytics.get("definitions").get("effectiveness").asText()).contains("coverage x quality x use");
    }

    @Test
    void badQueryParametersAreBadRequestsThatNameThem() {
        assertBadRequest("?bucket=month", "'bucket' is 'month'");
        assertBadRequest("?from=yesterday", "'from' is 'yesterday'");
        assertBadRequest("?limit=0", "'limit' is '0'");
        assertBadRequest("?limit=ten", "'limit' is 'ten'");
        assertBadRequest("?from=2026-11-20&to=2026-11-01", "must be before 'to'");
        assertBadRequest("?from=2025-01-01&to=2026-01-01&bucket=hour", "at most 2000");
        assertBadRequest("?space_key=a%20b", "'space_key' is 'a b'");
    }

    @Test
    void theCountsOutliveARestart() throws Exception {
        JsonNode before = okAnalytics("?bucket=hour");
        service.close();

        service = RunningService.start(NAME, workDir, Map.of());
        JsonNode after = okAnalytics("?bucket=hour");

        assertThat(after.get("spaces").get("OPS").get("import")).isEqualTo(before.get("spaces").get("OPS").get("import"));
        assertThat(after.get("series").get("import_attempts")).isEqualTo(before.get("series").get("import_attempts"));
    }

    private JsonNode okAnalytics(String query) {
        RunningService.Reply reply = service.get(ANALYTICS + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private void assertBadRequest(String query, String message) {
        RunningService.Reply reply = service.get(ANALYTICS + query);
        assertThat(reply.status()).as(query).isEqualTo(400);
        assertThat(reply.body()).as(query).contains(message);
    }

    private ImportResult importPage(SourcePage page) {
        return service.camel().createProducerTemplate()
                .requestBodyAndHeader("direct:import-page", page, "forceUpdate", false, ImportResult.class);
    }

    private static SourcePage page(String id, String title, String body) {
        return new SourcePage(id, "OPS", title, List.of("runbook"), 1, body, null, null, List.of());
    }
}
