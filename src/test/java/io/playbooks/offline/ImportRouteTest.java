package io.playbooks.offline;

import io.playbooks.Application;
import io.playbooks.page.SourcePage;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.SaveOutcome;
import io.playbooks.storage.SaveResult;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of direct:import-page (what REST and sync callers get back), on the real service routes. */
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
    private static Main service;
    private static ProducerTemplate producer;

    @BeforeAll
    static void startService() throws Exception {
        service = Application.service();
        // an empty offline folder: only what the tests send is imported
        service.addOverrideProperty("playbooks.offline.dir", temp.resolve("offline").toString());
        service.addOverrideProperty("playbooks.db.url", "jdbc:h2:mem:import-route-test");
        service.addOverrideProperty("playbooks.broadcast.uri", "log:test-broadcast");
        service.start();
        producer = service.getCamelContext().createProducerTemplate();
    }

    @AfterAll
    static void stopService() {
        service.stop();
    }

    @Test
    void aRunbookIsCreatedThenUnchangedThenForcedToANewVersion() {
        SourcePage page = page("OPS", "9001", "Restart the label printer", List.of("runbook"), RUNBOOK);

        Exchange created = importPage(page, null);
        Exchange unchanged = importPage(page, null);
        Exchange forced = importPage(page, true);

        assertThat(outcome(created)).isEqualTo("CREATED");
        assertThat(created.getMessage().getBody(SaveResult.class).slug()).isEqualTo("restart-the-label-printer");
        assertThat(created.getMessage().getHeader("importMessage", String.class))
                .isEqualTo("CREATED OPS/9001 'Restart the label printer' as 'restart-the-label-printer' (2 steps)");
        assertThat(outcome(unchanged)).isEqualTo("UNCHANGED");
        assertThat(outcome(forced)).isEqualTo("UPDATED");
        assertThat(forced.getMessage().getBody(SaveResult.class).outcome()).isEqualTo(SaveOutcome.UPDATED);
        PlaybookStore store = service.getCamelContext().getRegistry().lookupByNameAndType("playbookStore", PlaybookStore.class);
        long id = created.getMessage().getBody(SaveResult.class).playbookId();
        assertThat(store.versions(id)).hasSize(2).first().satisfies(v -> assertThat(v.forced()).isTrue());
    }

    @Test
    void aPageThatIsNotAPlaybookIsReportedWithItsReasons() {
        Exchange result = importPage(page("OPS", "9002", "Team offsite meeting notes", List.of("meeting-notes"),
                "<p>We talked about the roadmap.</p>"), null);

        assertThat(outcome(result)).isEqualTo("NOT_PLAYBOOK");
        assertThat(result.getMessage().getHeader("importMessage", String.class))
                .startsWith("Not a playbook: OPS/9002 'Team offsite meeting notes' (score ");
        assertThat(result.getException()).isNull();
    }

    @Test
    void aPageThatCannotBeStoredFailsWithoutAnExceptionEscaping() {
        Exchange result = importPage(page(" ", "9003", "Restart the label printer again", List.of("runbook"), RUNBOOK), null);

        assertThat(outcome(result)).isEqualTo("FAILED");
        assertThat(result.getMessage().getHeader("importMessage", String.class))
                .contains("9003").contains("no id or space key");
        assertThat(result.getException()).isNull();
    }

    private static Exchange importPage(SourcePage page, Boolean force) {
        return producer.request("direct:import-page", exchange -> {
            exchange.getMessage().setBody(page);
            if (force != null) {
                exchange.getMessage().setHeaders(Map.of("forceUpdate", force));
            }
        });
    }

    private static String outcome(Exchange exchange) {
        return exchange.getMessage().getHeader("importOutcome", String.class);
    }

    private static SourcePage page(String space, String id, String title, List<String> labels, String body) {
        return new SourcePage(id, space, title, labels, 1, body, null, null, List.of());
    }
}
