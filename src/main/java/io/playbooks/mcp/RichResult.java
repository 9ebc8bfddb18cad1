package io.playbooks.mcp;

import io.modelcontextprotocol.spec.McpSchema;

import java.util.List;

/**
 * A tool result with content items beside its structured JSON, e.g. the picture an attachment holds, which an
 * agent sees as an image rather than as text.
 */
record RichResult(Object structured, List<McpSchema.Content> content) {

    RichResult {
        content = List.copyOf(content);
    }
}
