package io.playbooks.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.playbooks.page.SourcePage;

import java.time.Instant;
import java.util.Locale;

/**
 * The event broadcast when an import added a version: {@code type} is {@code playbook.created} or
 * {@code playbook.updated}.
 */
@JsonPropertyOrder({"type", "playbook_id", "version_id", "slug", "name", "confluence_space", "confluence_page_id",
        "confluence_version", "step_count", "at"})
public record PlaybookChange(String type,
                             @JsonProperty("playbook_id") long playbookId,
                             @JsonProperty("version_id") Long versionId,
                             String slug,
                             String name,
                             @JsonProperty("confluence_space") String confluenceSpace,
                             @JsonProperty("confluence_page_id") String confluencePageId,
                             @JsonProperty("confluence_version") int confluenceVersion,
                             @JsonProperty("step_count") int stepCount,
                             String at) {

    public static PlaybookChange of(SaveResult result, SourcePage page) {
        return new PlaybookChange("playbook." + result.outcome().name().toLowerCase(Locale.ROOT), result.playbookId(),
                result.versionId(), result.slug(), page.title(), page.spaceKey(), page.id(), page.version(),
                result.stepCount(), Instant.now().toString());
    }
}
