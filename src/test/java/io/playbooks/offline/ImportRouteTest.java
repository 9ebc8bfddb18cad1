package io.playbooks.offline;

import io.playbooks.RunningService;
import io.playbooks.page.SourcePage;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.sync.ImportOutcome;
import io.playbooks.sync.ImportResult;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of direct:import-page (what REST, MCP and sync callers get back), on the real service routes. */
class ImportRouteTest {

    private static final String RUNBOOK = """
            <p>Restart the label printer service when labels stop printing.</p>
            <ol>
            <li><p>Restart the service:</p><ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[sudo systemctl restart label-printer]]></ac:plain-text-body></ac:structured-macro></li>
            <li><p>Check it answers:</p><ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[curl -fsS http://localhost:9100/health]]></ac:plain-text-body></ac:structured-macro></li>
            </ol>
            """;

    @TempDir
    static Path temp;
    private static RunningService service;
    private static ProducerTemplate producer;

    @BeforeAll
    static void startService() throws Exception {
        service = RunningService.start("import-route-test", temp, Map.of("playbooks.broadcast.endpoints", "log:test-broadcast"));
        producer = service.camel().createProducerTemplate();
    }

    @AfterAll
    static void stopService() throws Exception {
        service.close();
    }

    @Test
    void aRunbookIsCreatedThenUnchangedThenForcedToANewVersion() {
        SourcePage page = page("OPS", "9001", "Restart the label printer", List.of("runbook"), RUNBOOK);

        ImportResult created = importPage(page, false);
        ImportResult unchanged = importPage(page, false);
        ImportResult forced = importPage(page, true);

        assertThat(created.outcome()).isEqualTo(ImportOutcome.CREATED);
        assertThat(created.slug()).isEqualTo("restart-the-label-printer");
        assertThat(created.stepCount()).isEqualTo(2);
        assertThat(unchanged.outcome()).isEqualTo(ImportOutcome.UNCHANGED);
        assertThat(forced.outcome()).isEqualTo(ImportOutcome.UPDATED);
        PlaybookStore store = service.camel().getRegistry().lookupByNameAndType("playbookStore", PlaybookStore.class);
        assertThat(store.versions(created.playbookId())).hasSize(2).first().satisfies(v -> assertThat(v.forced()).isTrue());
    }

    @Test
    void aPageThatIsNotAPlaybookIsReportedWithItsReasons() {
        ImportResult result = importPage(page("OPS", "9002", "Team offsite meeting notes", List.of("meeting-notes"),
                "<p>We talked about the roadmap.</p>"), false);

        assertThat(result.outcome()).isEqualTo(ImportOutcome.NOT_PLAYBOOK);
        assertThat(result.reasons()).isNotEmpty();
        assertThat(result.playbookId()).isNull();
    }

    @Test
    void anIllFormedPageIsReportedWithWhatIsWrongAndWhere() {
        ImportResult result = importPage(page("OPS", "9004", "Restart the label printer", List.of("runbook"),
                "<ol><li>Restart it.</ol>"), false);

        // not a failure: a sync would fetch the page again at every run until someone mends it
        assertThat(result.outcome()).isEqualTo(ImportOutcome.NOT_PLAYBOOK);
        assertThat(String.join(" ", result.reasons())).contains("</ol>").contains("<li>");
    }

    @Test
    void aPageThatCannotBeStoredFailsWithItsReasonAndNoExceptionEscapes() {
        ImportResult result = importPage(page(" ", "9003", "Restart the label printer again", List.of("runbook"), RUNBOOK), false);

        assertThat(result.outcome()).isEqualTo(ImportOutcome.FAILED);
        assertThat(result.reasonLine()).contains("9003").contains("no id or space key");
    }

    private static ImportResult importPage(SourcePage page, boolean force) {
        return producer.requestBodyAndHeader("direct:import-page", page, "forceUpdate", force, ImportResult.class);
    }

    private static SourcePage page(String space, String id, String title, List<String> labels, String body) {
        return new SourcePage(id, space, title, labels, 1, body, null, null, List.of());
    }
}
