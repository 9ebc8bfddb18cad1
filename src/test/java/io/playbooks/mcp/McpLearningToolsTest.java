package io.playbooks.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.playbooks.RunningService;
import io.playbooks.learning.LearningFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static io.playbooks.mcp.McpTestClients.call;
import static io.playbooks.mcp.McpTestClients.ok;
import static io.playbooks.mcp.McpTestClients.text;
import static org.assertj.core.api.Assertions.assertThat;

/** MCP reads and report_execution over Streamable HTTP: recorded as uses by MCP, through the same routes as REST. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpLearningToolsTest {

    private RunningService service;
    private McpSyncClient client;
    private long restart;
    private long purge;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        service = RunningService.start("mcp-learning", workDir, Map.of("playbooks.value.check-ms", "0"));
        restart = LearningFixtures.store(service, "restart-shipment-api");
        purge = LearningFixtures.store(service, "purge-cdn-cache");
        URI base = service.uri("/");
        client = McpTestClients.client(McpTestClients.http(URI.create(base.toString().replaceAll("/$", "")), null), p -> { });
    }

    @AfterAll
    void stop() throws Exception {
        client.closeGracefully();
        service.close();
    }

    @Test
    void getPlaybookIsAUseByMcpAndFromSearchAnOpenedSearchHit() throws Exception {
        ok(call(client, "get_playbook", Map.of("playbook_id", restart)));
        ok(call(client, "get_playbook", Map.of("page_id", "720001", "from", "search")));

        assertThat(LearningFixtures.uses(service, restart)).containsExactly("fetched/mcp", "search_opened/mcp");
    }

    @Test
    void reportExecutionStoresTheRunLikeTheRestCall() throws Exception {
        JsonNode stored = ok(call(client, "report_execution", Map.of("playbook_id", "how-to-purge-the-cdn-cache-of-the-portal",
                "outcome", "partial", "duration_ms", 8000, "notes", "the CDN answered 429 once")));
        JsonNode listed = service.get("/api/v1/confluence/playbooks/" + purge + "/executions").json();

        assertThat(stored.get("playbook_id").asLong()).isEqualTo(purge);
        assertThat(stored.get("outcome").asText()).isEqualTo("partial");
        assertThat(stored.get("channel").asText()).isEqualTo("mcp");
        assertThat(listed.get("executions").get(0).get("execution_id").asLong()).isEqualTo(stored.get("execution_id").asLong());
        assertThat(LearningFixtures.uses(service, purge)).containsExactly("executed/mcp");
    }

    @Test
    void aBadReportOrAnUnknownPlaybookIsAToolErrorInWords() {
        CallToolResult negative = call(client, "report_execution", Map.of("playbook_id", restart, "outcome", "success",
                "duration_ms", -1));
        CallToolResult unknown = call(client, "report_execution", Map.of("playbook_id", "no-such-playbook",
                "outcome", "success", "duration_ms", 1));

        assertThat(negative.isError()).isTrue();
        assertThat(text(negative)).contains("duration_ms");
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("status 404").contains("no-such-playbook");
    }
}
