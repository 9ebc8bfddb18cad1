package io.playbooks.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.api.AttachedFile;
import io.playbooks.api.AttachmentContent;
import io.playbooks.api.BulkImportRequest;
import io.playbooks.api.ConfigureRequest;
import io.playbooks.api.ImportRequest;
import io.playbooks.api.SyncRequest;
import io.playbooks.learning.ExecutionReport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MCP tools by name, each one call of the same {@code direct:} route that the REST verb of the same meaning
 * calls (routes/api.camel.yaml, routes/confluence.camel.yaml); nothing here decides anything the REST API does not.
 */
public final class PlaybookTools {

    private PlaybookTools() {
    }

    public static Map<String, ToolCall> calls(RouteCall route, BulkImportWatch bulkImportWatch) {
        Map<String, ToolCall> tools = new LinkedHashMap<>();
        tools.put("discover_confluence_playbooks",
                (args, progress) -> route.call("direct:discover", null, args.headers("space_key")));
        tools.put("preview_confluence_playbook",
                (args, progress) -> route.call("direct:preview", null, args.headers("page_id", "site")));
        tools.put("import_confluence_playbook",
                (args, progress) -> route.call("direct:import", args.as(ImportRequest.class), Map.of()));
        tools.put("bulk_import_confluence_space", (args, progress) -> {
            BulkImportRequest request = args.as(BulkImportRequest.class);
            return bulkImportWatch.whileRunning(() -> route.call("direct:bulk-import", request, Map.of()), progress);
        });
        tools.put("sync_confluence_playbooks",
                (args, progress) -> route.call("direct:sync", args.as(SyncRequest.class), Map.of()));
        tools.put("get_confluence_status", (args, progress) -> route.call("direct:status", null, Map.of()));
        tools.put("list_confluence_playbooks", (args, progress) -> route.call("direct:playbooks", null, args.headers("outdated")));
        tools.put("configure_confluence_integration",
                (args, progress) -> route.call("direct:configure", args.as(ConfigureRequest.class), Map.of()));
        tools.put("search_playbooks", (args, progress) -> {
            Map<String, Object> headers = args.headers("limit", "space_key", "category");
            headers.putAll(renamed(args.headers("query"), "query", "q"));
            return route.call("direct:search", null, headers);
        });
        tools.put("get_playbook", (args, progress) -> {
            Map<String, Object> headers = args.headers("page_id", "version", "from");
            headers.putAll(renamed(args.headers("playbook_id"), "playbook_id", "id"));
            return route.call("direct:playbook-document", null, headers);
        });
        tools.put("get_playbook_attachment", (args, progress) -> {
            Map<String, Object> headers = args.headers("file_name");
            headers.putAll(renamed(args.headers("playbook_id"), "playbook_id", "id"));
            AttachedFile file = (AttachedFile) route.call("direct:playbook-attachment-file", null, headers);
            return AttachmentForAgents.returnsContent(file)
                    ? AttachmentForAgents.of((AttachmentContent) route.call("direct:playbook-attachment-content", file, Map.of()))
                    : AttachmentForAgents.described(file);
        });
        tools.put("report_execution", (args, progress) -> {
            Map<String, Object> headers = renamed(args.headers("playbook_id"), "playbook_id", "id");
            return route.call("direct:playbook-execution-report", args.as(ExecutionReport.class), headers);
        });
        tools.put("read_playbook_events",
                (args, progress) -> route.call("direct:events", null, args.headers("since", "limit")));
        tools.put("export_detection_profile", (args, progress) -> route.call("direct:profile-export", null, Map.of()));
        tools.put("import_detection_profile", (args, progress) ->
                route.call("direct:profile-import", args.as(JsonNode.class).path("document"), Map.of()));
        tools.put("get_analytics", (args, progress) ->
                route.call("direct:analytics", null, args.headers("from", "to", "bucket", "limit", "space_key")));
        return tools;
    }

    /** The REST query parameter is {@code q} and the path parameter {@code id}; the tool arguments say what they are. */
    private static Map<String, Object> renamed(Map<String, Object> headers, String from, String to) {
        Object value = headers.get(from);
        return value == null ? Map.of() : Map.of(to, value);
    }
}
