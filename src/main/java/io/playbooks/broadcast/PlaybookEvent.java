package io.playbooks.broadcast;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** What agents are told when a playbook is new, updated or outdated (the hAIveMind broadcast shape). */
public record PlaybookEvent(String message, String category, String severity,
                            @JsonProperty("target_roles") List<String> targetRoles, Details details) {

    public record Details(@JsonProperty("playbook_name") String playbookName,
                          @JsonProperty("playbook_id") Long playbookId,
                          String slug,
                          @JsonProperty("confluence_page_id") String confluencePageId,
                          @JsonProperty("confluence_space") String confluenceSpace,
                          @JsonProperty("confluence_url") String confluenceUrl,
                          String category,
                          @JsonProperty("step_count") Integer stepCount,
                          String change) {
    }
}
