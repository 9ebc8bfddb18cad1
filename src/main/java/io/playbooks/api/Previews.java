package io.playbooks.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.playbooks.conversion.Conversion;
import io.playbooks.page.SourcePage;
import io.playbooks.playbook.Playbook;

import java.time.Instant;
import java.util.List;

/** The answer of {@code GET /preview/{page_id}}: the page, its playbook as data and as YAML, and the verdict. */
public class Previews {

    public Preview of(Conversion conversion) {
        SourcePage page = conversion.page();
        PageInfo info = new PageInfo(page.id(), page.title(), page.spaceKey(), page.version(), page.lastModified(),
                page.webUrl(), page.labels());
        int steps = conversion.hasPlaybook() ? conversion.playbook().steps().size() : 0;
        Metadata metadata = new Metadata(conversion.detection().isPlaybook(), conversion.detection().score(),
                conversion.detection().reasons(), conversion.problems(), steps);
        return new Preview(info, conversion.playbook(), conversion.yaml(), metadata);
    }

    public record Preview(@JsonProperty("page_info") PageInfo pageInfo,
                          @JsonProperty("playbook_spec") Playbook playbookSpec,
                          @JsonProperty("yaml_preview") String yamlPreview,
                          Metadata metadata) {
    }

    public record PageInfo(@JsonProperty("page_id") String pageId, String title, @JsonProperty("space_key") String spaceKey,
                           int version, @JsonProperty("last_modified") Instant lastModified,
                           @JsonProperty("web_url") String webUrl, List<String> labels) {
    }

    public record Metadata(@JsonProperty("is_playbook") boolean isPlaybook, double score, List<String> reasons,
                           List<String> problems, @JsonProperty("step_count") int stepCount) {
    }
}
