package io.playbooks.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The MCP SDK's own client, set up the way the tests use it, and helpers to read tool results. */
final class McpTestClients {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> ALL_TOOLS = List.of("discover_confluence_playbooks", "preview_confluence_playbook",
            "import_confluence_playbook", "bulk_import_confluence_space", "sync_confluence_playbooks",
            "get_confluence_status", "list_confluence_playbooks", "configure_confluence_integration",
            "search_playbooks", "get_playbook", "get_playbook_attachment", "report_execution", "read_playbook_events",
            "export_detection_profile", "import_detection_profile", "get_analytics");

    private McpTestClients() {
    }

    static HttpClientStreamableHttpTransport http(URI base, String token) {
        HttpClientStreamableHttpTransport.Builder builder = HttpClientStreamableHttpTransport.builder(base.toString())
                .endpoint("/mcp").connectTimeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.requestBuilder(java.net.http.HttpRequest.newBuilder().header("Authorization", "Bearer " + token));
        }
        return builder.build();
    }

    static McpSyncClient client(McpClientTransport transport, Consumer<McpSchema.ProgressNotification> progress) {
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(120))
                .initializationTimeout(Duration.ofSeconds(120))
                // the SDK's default schema validator needs json-schema-validator 3; the server's own one works here
                .jsonSchemaValidator(new ToolSchemaValidator())
                .progressConsumer(progress)
                .build();
        client.initialize();
        return client;
    }

    static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder().name(tool).arguments(arguments).build());
    }

    /** The structured content of a successful result, as JSON; fails the test with the error text otherwise. */
    static JsonNode ok(CallToolResult result) {
        if (Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError("tool error: " + text(result));
        }
        JsonNode structured = JSON.valueToTree(result.structuredContent());
        try {
            if (!JSON.readTree(text(result)).equals(structured)) {
                throw new AssertionError("the text content is not the structured content: " + text(result));
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("the text content is not JSON: " + text(result), e);
        }
        return structured;
    }

    static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
