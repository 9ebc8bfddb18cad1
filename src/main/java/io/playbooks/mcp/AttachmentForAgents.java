package io.playbooks.mcp;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.modelcontextprotocol.spec.McpSchema;
import io.playbooks.api.AttachmentContent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * An attachment as an agent can take it: a raster image as MCP image content, text (plain, JSON, YAML, XML,
 * scripts) as text content, anything else (PDF, archives, SVG) described only, with the link to open it in Confluence.
 */
final class AttachmentForAgents {

    private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final Set<String> TEXT_APPLICATIONS = Set.of("application/json", "application/yaml",
            "application/x-yaml", "application/xml", "application/x-sh", "application/x-shellscript",
            "application/sql", "application/javascript");

    private AttachmentForAgents() {
    }

    static RichResult of(AttachmentContent file) {
        String type = file.mediaType();
        if (IMAGES.contains(type)) {
            return result(file, "image", new McpSchema.ImageContent(null,
                    Base64.getEncoder().encodeToString(file.content().bytes()), type));
        }
        if (isText(type)) {
            return result(file, "text", new McpSchema.TextContent(new String(file.content().bytes(), StandardCharsets.UTF_8)));
        }
        return new RichResult(summary(file, "none"), List.of());
    }

    private static boolean isText(String type) {
        return type.startsWith("text/") || TEXT_APPLICATIONS.contains(type) || type.endsWith("+json")
                || type.endsWith("+xml") && !type.equals("image/svg+xml");
    }

    private static RichResult result(AttachmentContent file, String returnedAs, McpSchema.Content content) {
        return new RichResult(summary(file, returnedAs), List.of(content));
    }

    private static Summary summary(AttachmentContent file, String returnedAs) {
        return new Summary(file.playbookId(), file.attachment().fileName(), file.mediaType(),
                file.attachment().version(), file.content().length(), returnedAs, file.attachment().downloadUrl());
    }

    /** What the structured result says of the file; {@code returned_as} tells where its content is, if anywhere. */
    record Summary(@JsonProperty("playbook_id") long playbookId,
                   @JsonProperty("file_name") String fileName,
                   @JsonProperty("media_type") String mediaType,
                   int version,
                   @JsonProperty("size_bytes") int sizeBytes,
                   @JsonProperty("returned_as") String returnedAs,
                   @JsonProperty("download_url") String downloadUrl) {
    }
}
