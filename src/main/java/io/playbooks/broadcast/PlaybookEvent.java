package io.playbooks.broadcast;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** What agents are told when a playbook is new, updated or outdated (the hAIveMind broadcast shape). */
public record PlaybookEvent(String message, String category, String severity,
                            @JsonProperty("target_roles") List<String> targetRoles, Details details) {

    /**
     * @param change       what happened: created, updated, outdated
     * @param outdatedKind for an outdated playbook: the kind of flag (deleted, stale, dead_link...)
     * @param reason       for an outdated playbook: why, in words
     */
    public record Details(@JsonProperty("playbook_name") String playbookName,
                          @JsonProperty("playbook_id") Long playbookId,
                          String slug,
                          @JsonProperty("confluence_page_id") String confluencePageId,
                          @JsonProperty("confluence_space") String confluenceSpace,
                          @JsonProperty("confluence_url") String confluenceUrl,
                          String category,
                          @JsonProperty("step_count") Integer stepCount,
                          String change,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("outdated_kind") String outdatedKind,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

        /** Details of an import (no outdated kind or reason). */
        public Details(String playbookName, Long playbookId, String slug, String confluencePageId,
                       String confluenceSpace, String confluenceUrl, String category, Integer stepCount,
                       String change) {
            this(playbookName, playbookId, slug, confluencePageId, confluenceSpace, confluenceUrl, category, stepCount,
                    change, null, null);
        }
    }
}
