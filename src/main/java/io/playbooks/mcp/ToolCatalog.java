package io.playbooks.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MCP tools as the SDK serves them: names, descriptions and input and output schemas from
 * {@code mcp/tools.json}, each paired with its {@link ToolCall}. A result is returned as structured content (the
 * same JSON as the REST answer) plus that JSON as text, and the content items of a {@link RichResult} after them;
 * any failure is a tool error ({@code isError}) in words.
 */
public final class ToolCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ToolCatalog.class);
    private static final String DEFINITIONS = "/mcp/tools.json";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final List<SyncToolSpecification> specifications = new ArrayList<>();

    public ToolCatalog(Map<String, ToolCall> calls, ObjectMapper json) {
        this.json = json;
        JsonNode definitions = readDefinitions(json);
        Set<String> unmatched = new HashSet<>(calls.keySet());
        for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> definition = it.next();
            ToolCall call = calls.get(definition.getKey());
            if (call == null) {
                throw new IllegalStateException(DEFINITIONS + " defines tool " + definition.getKey() + " that nothing implements");
            }
            unmatched.remove(definition.getKey());
            specifications.add(specification(definition.getKey(), definition.getValue(), call));
        }
        if (!unmatched.isEmpty()) {
            throw new IllegalStateException("tools without a definition in " + DEFINITIONS + ": " + unmatched);
        }
    }

    public List<SyncToolSpecification> specifications() {
        return List.copyOf(specifications);
    }

    private SyncToolSpecification specification(String name, JsonNode definition, ToolCall call) {
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(name)
                .title(definition.path("title").asText(null))
                .description(definition.path("description").asText())
                .inputSchema(json.convertValue(definition.get("inputSchema"), OBJECT))
                .outputSchema(json.convertValue(definition.get("outputSchema"), OBJECT))
                .build();
        return SyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> run(name, call, exchange, request))
                .build();
    }

    private CallToolResult run(String name, ToolCall call, McpSyncServerExchange exchange, CallToolRequest request) {
        try {
            Object result = call.call(new ToolArguments(request.arguments(), json), progressFor(exchange, request));
            List<McpSchema.Content> more = List.of();
            if (result instanceof RichResult rich) {
                result = rich.structured();
                more = rich.content();
            }
            Map<String, Object> structured = json.convertValue(result, OBJECT);
            CallToolResult.Builder answer = CallToolResult.builder()
                    .structuredContent(structured)
                    .addTextContent(json.writeValueAsString(structured))
                    .isError(false);
            more.forEach(answer::addContent);
            return answer.build();
        } catch (RouteCall.RouteFailure failure) {
            return error(name + " failed (" + failure.type() + ", status " + failure.status() + "): " + failure.getMessage());
        } catch (ToolArguments.Invalid bad) {
            return error(name + " got invalid arguments: " + bad.getMessage());
        } catch (JsonProcessingException | RuntimeException unexpected) {
            LOG.warn("tool {} failed", name, unexpected);
            return error(name + " failed: " + unexpected.getClass().getSimpleName() + ": " + unexpected.getMessage());
        }
    }

    private static ProgressReporter progressFor(McpSyncServerExchange exchange, CallToolRequest request) {
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        if (token == null) {
            return ProgressReporter.NONE;
        }
        return (done, total, message) -> exchange.progressNotification(
                new McpSchema.ProgressNotification(token, done, total, message, null));
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private static JsonNode readDefinitions(ObjectMapper json) {
        try (InputStream in = ToolCatalog.class.getResourceAsStream(DEFINITIONS)) {
            if (in == null) {
                throw new IllegalStateException(DEFINITIONS + " is not on the classpath");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFINITIONS, e);
        }
    }
}
