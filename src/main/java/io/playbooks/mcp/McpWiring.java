package io.playbooks.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpSyncServer;
import io.playbooks.sync.BulkImportTracker;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

import java.time.Duration;

/**
 * Puts the MCP tools into the service: {@code mcpTools} (what the stdio command serves) and {@code mcpHttp}, the
 * Streamable HTTP transport that routes/mcp.camel.yaml serves at {@code /mcp}, with its server closed when Camel stops.
 */
public final class McpWiring {

    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(500);

    private McpWiring() {
    }

    public static void bind(CamelContext camel, BulkImportTracker bulkImport) throws Exception {
        var results = McpServers.resultJson();
        ToolCatalog tools = new ToolCatalog(PlaybookTools.calls(new RouteCall(camel, results),
                new BulkImportWatch(bulkImport, PROGRESS_INTERVAL)), results);
        camel.getRegistry().bind("mcpTools", tools);
        CamelStreamableHttpTransport http = new CamelStreamableHttpTransport(McpJsonDefaults.getMapper());
        McpSyncServer server = McpServers.serve(http, tools, version());
        camel.getRegistry().bind("mcpHttp", http);
        camel.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                server.close();
            }
        });
    }

    public static String version() {
        String version = McpWiring.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
