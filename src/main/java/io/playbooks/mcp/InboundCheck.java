package io.playbooks.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.IOException;
import java.util.Optional;

/**
 * What is wrong with a message a client sent, before the MCP SDK sees it: the SDK's stdio transport stops reading at
 * the first line that is no JSON-RPC message (the session ends), and its handling of {@code tools/call} fails with
 * a NullPointerException on missing params (no answer over HTTP, "internal error" over stdio). Both transports ask
 * here first and answer a refused message with the JSON-RPC error this gives, naming what is wrong.
 */
final class InboundCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InboundCheck() {
    }

    /** Empty if {@code text} is a JSON-RPC message the SDK can take; else the error to answer it with. */
    static Optional<Refusal> check(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return refuse(null, McpSchema.ErrorCodes.PARSE_ERROR,
                    "the message is not JSON: " + e.getOriginalMessage());
        }
        if (message == null || !message.isObject()) {
            return refuse(null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "a message must be one JSON-RPC object (batches are not part of MCP since 2025-06-18)");
        }
        JsonNode id = message.get("id");
        boolean usableId = id != null && (id.isTextual() || id.isIntegralNumber());
        if (!McpSchema.JSONRPC_VERSION.equals(message.path("jsonrpc").asText(null))) {
            return refuse(usableId ? id : null, McpSchema.ErrorCodes.INVALID_REQUEST, "the message needs \"jsonrpc\": \"2.0\"");
        }
        if (id != null && !usableId) {
            return refuse(null, McpSchema.ErrorCodes.INVALID_REQUEST, "a message's id must be a string or an integer");
        }
        if (!message.has("method") && !message.has("result") && !message.has("error")) {
            return refuse(id, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "the message is neither a request, a notification nor a response: it has no method, result or error");
        }
        try {
            McpSchema.deserializeJsonRpcMessage(McpJsonDefaults.getMapper(), text);
        } catch (IOException | IllegalArgumentException e) {
            return refuse(id, McpSchema.ErrorCodes.INVALID_REQUEST, "the message is no JSON-RPC message: " + e.getMessage());
        }
        if (id != null && McpSchema.METHOD_TOOLS_CALL.equals(message.path("method").asText())) {
            return toolCallProblem(message.get("params")).flatMap(problem -> refuse(id, McpSchema.ErrorCodes.INVALID_PARAMS, problem));
        }
        return Optional.empty();
    }

    private static Optional<String> toolCallProblem(JsonNode params) {
        if (params == null || !params.isObject()) {
            return Optional.of("tools/call needs params: an object with the tool's name and its arguments");
        }
        if (!params.path("name").isTextual()) {
            return Optional.of("tools/call needs the tool's name as a string in params.name");
        }
        JsonNode arguments = params.get("arguments");
        if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
            return Optional.of("the arguments of tools/call must be an object, not " + arguments.getNodeType().name().toLowerCase());
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(JsonNode id, int code, String message) {
        return Optional.of(new Refusal(id, code, message));
    }

    /** The JSON-RPC error answering a refused message; its id is the message's, when it had a usable one. */
    record Refusal(JsonNode id, int code, String message) {

        boolean answersARequest() {
            return id != null;
        }

        String toJson() {
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.put("jsonrpc", McpSchema.JSONRPC_VERSION);
            answer.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
            answer.putObject("error").put("code", code).put("message", message);
            return answer.toString();
        }
    }
}
