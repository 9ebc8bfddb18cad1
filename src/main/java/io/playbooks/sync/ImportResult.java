package io.playbooks.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The result of importing one page, as the API, MCP tools and progress reports show it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportResult(@JsonProperty("confluence_page_id") String pageId,
                          String title,
                          @JsonProperty("confluence_space") String spaceKey,
                          ImportOutcome outcome,
                          @JsonProperty("playbook_id") Long playbookId,
                          @JsonProperty("version_id") Long versionId,
                          String slug,
                          String category,
                          @JsonProperty("step_count") Integer stepCount,
                          @JsonProperty("confluence_url") String confluenceUrl,
                          @JsonProperty("confluence_version") int confluenceVersion,
                          double score,
                          List<String> reasons) {


    /** One line naming the page and what went wrong, for error lists. */
    public String reasonLine() {
        return "page " + pageId + " (" + title + "): " + String.join("; ", reasons);
    }
}
