package io.playbooks.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.api.ConnectorTestSupport;
import io.playbooks.confluence.FakeConfluence;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code kill -9} right after the service answered loses nothing the answers reported stored, even with H2 holding
 * commits in memory far longer than the test runs: a sync's playbooks, a page imported again, a reported execution, and
 * the events read from the log (with their ids).
 */
class KillAfterAnswerTest extends ChildOnH2FileTest {

    @Test
    void whatTheAnswersReportedStoredSurvivesAKill() throws Exception {
        // pages modified now: a first sync looks back a day
        site = FakeConfluence.cloud().start().now(Instant.now());
        site.addSpace("OPS", "Operations");
        site.addGeneratedPages("OPS", 6);
        Path config = ConnectorTestSupport.configFor(site, workDir, List.of("OPS"), Map.of());
        int port = ChildService.freePort();
        ChildApi api = new ChildApi(port);

        Process first = start(port, config, "first.log", ChildService.COMMITS_HELD_IN_MEMORY);
        JsonNode synced = api.post("/sync", "{}");
        String pageId = api.get("/playbooks").get("playbooks").get(0).get("confluence_page_id").asText();
        JsonNode imported = api.post("/import", "{\"page_id\": \"" + pageId + "\", \"force_update\": true}");
        long playbookId = imported.get("playbook_id").asLong();
        JsonNode execution = api.post("/playbooks/" + playbookId + "/executions", "{\"outcome\": \"success\", \"duration_ms\": 1200}");
        JsonNode events = api.get("/events?since=0");
        first.destroyForcibly().waitFor();

        start(port, config, "second.log", ChildService.DEFAULT_WRITE_DELAY_MS);
        JsonNode stored = api.get("/playbooks");
        JsonNode versions = api.get("/playbooks/" + playbookId + "/versions");
        JsonNode executions = api.get("/playbooks/" + playbookId + "/executions");
        JsonNode eventsAfter = api.get("/events?since=0");

        assertThat(synced.get("new_playbooks").asInt()).isPositive();
        assertThat(imported.get("success").asBoolean()).isTrue();
        assertThat(stored.get("total_confluence_playbooks").asInt()).as("the sync's playbooks")
                .isEqualTo(synced.get("new_playbooks").asInt());
        assertThat(versions.get("versions")).as("the version the import answered")
                .extracting(version -> version.get("id").asLong()).contains(imported.get("version_id").asLong());
        assertThat(executions.toString()).contains("\"execution_id\":" + execution.get("execution_id").asLong());
        assertThat(events.get("events")).isNotEmpty();
        assertThat(eventsAfter.get("events")).as("every event read, with its id").containsAll(events.get("events"));
    }
}
