package io.playbooks.playbook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** Where a playbook came from and how it was detected. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"source", "confluence_page_id", "confluence_space", "confluence_url", "confluence_version",
        "labels", "content_hash", "detection_score", "detection_reasons"})
public record PlaybookMetadata(String source,
                               @JsonProperty("confluence_page_id") String confluencePageId,
                               @JsonProperty("confluence_space") String confluenceSpace,
                               @JsonProperty("confluence_url") String confluenceUrl,
                               @JsonProperty("confluence_version") int confluenceVersion,
                               List<String> labels,
                               @JsonProperty("content_hash") String contentHash,
                               @JsonProperty("detection_score") double detectionScore,
                               @JsonProperty("detection_reasons") List<String> detectionReasons) {
}
