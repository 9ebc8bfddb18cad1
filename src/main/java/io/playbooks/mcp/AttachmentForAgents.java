package io.playbooks.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.modelcontextprotocol.spec.McpSchema;
import io.playbooks.api.AttachedFile;
import io.playbooks.api.AttachmentContent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * An attachment as an agent can take it: a raster image as MCP image content, text (plain, JSON, YAML, XML,
 * scripts) as text content, anything else (PDF, archives, SVG) described only, with the link to open it in Confluence,
 * and not fetched.
 */
final class AttachmentForAgents {

    private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final Set<String> TEXT_APPLICATIONS = Set.of("application/json", "application/yaml",
            "application/x-yaml", "application/xml", "application/x-sh", "application/x-shellscript",
            "application/sql", "application/javascript");

    private AttachmentForAgents() {
    }

    /** Whether an agent gets the file's content, so that it is worth fetching: pictures and text. */
    static boolean returnsContent(AttachedFile file) {
        return IMAGES.contains(file.mediaType()) || isText(file.mediaType());
    }

    static RichResult of(AttachmentContent fetched) {
        AttachedFile file = fetched.file();
        String type = file.mediaType();
        if (IMAGES.contains(type)) {
            return result(fetched, "image", new McpSchema.ImageContent(null,
                    Base64.getEncoder().encodeToString(fetched.content().bytes()), type));
        }
        if (isText(type)) {
            return result(fetched, "text", new McpSchema.TextContent(new String(fetched.content().bytes(), StandardCharsets.UTF_8)));
        }
        return described(file);
    }

    /** The file described only, without its content, which was not fetched. */
    static RichResult described(AttachedFile file) {
        return new RichResult(summary(file, null, "none"), List.of());
    }

    private static boolean isText(String type) {
        return type.startsWith("text/") || TEXT_APPLICATIONS.contains(type) || type.endsWith("+json")
                || type.endsWith("+xml") && !type.equals("image/svg+xml");
    }

    private static RichResult result(AttachmentContent fetched, String returnedAs, McpSchema.Content content) {
        return new RichResult(summary(fetched.file(), fetched.content().length(), returnedAs), List.of(content));
    }

    private static Summary summary(AttachedFile file, Integer sizeBytes, String returnedAs) {
        return new Summary(file.playbookId(), file.attachment().fileName(), file.mediaType(),
                file.attachment().version(), sizeBytes, returnedAs, file.attachment().downloadUrl());
    }

    /**
     * What the structured result says of the file; {@code returned_as} tells where its content is, if anywhere, and
     * {@code size_bytes} is there when it is.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Summary(@JsonProperty("playbook_id") long playbookId,
                   @JsonProperty("file_name") String fileName,
                   @JsonProperty("media_type") String mediaType,
                   int version,
                   @JsonProperty("size_bytes") Integer sizeBytes,
                   @JsonProperty("returned_as") String returnedAs,
                   @JsonProperty("download_url") String downloadUrl) {
    }
}
