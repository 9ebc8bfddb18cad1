package io.playbooks.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.api.ApiJson;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;

/** Builds the MCP server of this service on a transport: the same tools, schema checks and identity everywhere. */
public final class McpServers {

    public static final String NAME = "confluence-playbooks";
    private static final String INSTRUCTIONS = "Operations playbooks (runbooks, how-tos, troubleshooting guides) "
            + "imported from Confluence, with typed steps: shell commands, HTTP requests, manual steps. Find one with "
            + "search_playbooks or list_confluence_playbooks and read it with get_playbook. Import more with "
            + "discover_confluence_playbooks, preview_confluence_playbook, import_confluence_playbook or "
            + "bulk_import_confluence_space; get_confluence_status explains connection problems.";

    private McpServers() {
    }

    /** The JSON of tool results: the same as the REST API's (ISO-8601 times, unknown input keys ignored). */
    public static ObjectMapper resultJson() {
        return ApiJson.mapper();
    }

    public static McpSyncServer serve(McpServerTransportProvider transport, ToolCatalog tools, String version) {
        return configure(McpServer.sync(transport), tools, version).build();
    }

    public static McpSyncServer serve(McpStreamableServerTransportProvider transport, ToolCatalog tools, String version) {
        return configure(McpServer.sync(transport), tools, version).build();
    }

    private static <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> configure(
            McpServer.SyncSpecification<S> spec, ToolCatalog tools, String version) {
        return spec.serverInfo(NAME, version)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonSchemaValidator(new ToolSchemaValidator())
                .validateToolInputs(true)
                .tools(tools.specifications());
    }
}
