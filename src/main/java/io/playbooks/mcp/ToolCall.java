package io.playbooks.mcp;

/** What one MCP tool does: a route call with the tool's arguments, returning the route's result object. */
@FunctionalInterface
public interface ToolCall {

    Object call(ToolArguments arguments, ProgressReporter progress);
}
