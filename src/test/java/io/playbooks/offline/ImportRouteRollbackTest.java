package io.playbooks.offline;

import io.playbooks.RunningService;
import io.playbooks.page.SourcePage;
import io.playbooks.storage.Database;
import io.playbooks.storage.PlaybookStore;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page whose event cannot be written after its version was: the routes' error handler answers the failure inside
 * the page's transaction, and the transaction must still roll back, so that no version is kept without its event.
 */
class ImportRouteRollbackTest {

    private static final String RUNBOOK = """
            <p>Restart the label printer service when labels stop printing.</p>
            <ol>
            <li><p>Restart the service:</p><ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[sudo systemctl restart label-printer]]></ac:plain-text-body></ac:structured-macro></li>
            </ol>
            """;

    @TempDir
    static Path temp;
    private static RunningService service;

    @BeforeAll
    static void startService() throws Exception {
        service = RunningService.start("import-route-rollback-test", temp,
                Map.of("playbooks.broadcast.endpoints", "log:test-broadcast"));
    }

    @AfterAll
    static void stopService() throws Exception {
        service.close();
    }

    @Test
    void aPageWhoseEventCannotBeWrittenKeepsNoVersion() throws Exception {
        Database database = service.camel().getRegistry().lookupByNameAndType("database", Database.class);
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("ALTER TABLE playbook_events ADD CONSTRAINT no_events CHECK (severity = 'never')");
        }
        SourcePage page = new SourcePage("9101", "OPS", "Restart the label printer", List.of("runbook"), 1, RUNBOOK,
                null, null, List.of());

        Exchange answered = service.camel().createProducerTemplate().request("direct:import-page",
                exchange -> exchange.getIn().setBody(page));

        assertThat(answered.getExchangeExtension().isErrorHandlerHandled()).as("answered by the error handler").isTrue();
        PlaybookStore store = service.camel().getRegistry().lookupByNameAndType("playbookStore", PlaybookStore.class);
        assertThat(store.findByPage("OPS", "9101")).isEmpty();
        assertThat(store.latestForPage("OPS", "9101")).isEmpty();
    }
}
