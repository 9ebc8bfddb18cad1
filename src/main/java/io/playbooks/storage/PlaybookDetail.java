package io.playbooks.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.playbooks.page.Attachment;

import java.util.List;

/**
 * A playbook with its newest content: the summary fields, the playbook as YAML and as JSON text, and the
 * attachments the page had at that version. An outdated playbook keeps its last content here.
 */
public record PlaybookDetail(@JsonUnwrapped PlaybookSummary summary,
                             String yaml,
                             @JsonProperty("playbook_json") String playbookJson,
                             List<Attachment> attachments) {

    public PlaybookDetail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
