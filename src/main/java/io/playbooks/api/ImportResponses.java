package io.playbooks.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.playbooks.sync.ImportOutcome;
import io.playbooks.sync.ImportResult;

import java.util.List;

/** The answer of {@code POST /import} (hAIveMind keys), or a 422 naming why the page gave no playbook. */
public class ImportResponses {

    public ImportResponse of(ImportResult result) {
        if (result.outcome() == ImportOutcome.NOT_PLAYBOOK) {
            throw new ApiException(422, "page " + result.pageId() + " (" + result.title() + ") is not a playbook: "
                    + String.join("; ", result.reasons()));
        }
        if (result.outcome() == ImportOutcome.FAILED) {
            throw new ApiException(422, "page " + result.pageId() + " (" + result.title() + ") was not imported: "
                    + String.join("; ", result.reasons()));
        }
        return new ImportResponse(true, result.playbookId(), result.versionId(), result.title(), result.pageId(),
                result.confluenceUrl(), result.category(), result.stepCount(), result.slug(),
                result.outcome().name().toLowerCase(java.util.Locale.ROOT), result.confluenceVersion(), result.reasons());
    }

    public record ImportResponse(boolean success,
                                 @JsonProperty("playbook_id") Long playbookId,
                                 @JsonProperty("version_id") Long versionId,
                                 String title,
                                 @JsonProperty("confluence_page_id") String confluencePageId,
                                 @JsonProperty("confluence_url") String confluenceUrl,
                                 String category,
                                 @JsonProperty("step_count") Integer stepCount,
                                 String slug,
                                 String outcome,
                                 @JsonProperty("confluence_version") int confluenceVersion,
                                 @JsonProperty("detection_reasons") List<String> detectionReasons) {
    }
}
