package io.playbooks.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.playbooks.storage.ImportAttempt;

/**
 * Import attempts of a space (or of all) in a window, by outcome. Success rate = stored / attempted, where stored
 * is created + updated + unchanged (the page's playbook is in the store at its version) and attempted is stored +
 * failed (invalid + error); pages that are not playbooks are counted apart and are no attempt.
 */
@JsonPropertyOrder({"attempted", "stored", "failed", "success_rate", "created", "updated", "unchanged",
        "not_playbook", "invalid", "errors"})
public record ImportFigures(long created, long updated, long unchanged,
                            @JsonProperty("not_playbook") long notPlaybook, long invalid, long errors) {

    public static final ImportFigures NONE = new ImportFigures(0, 0, 0, 0, 0, 0);

    public ImportFigures plus(ImportAttempt attempt, long pages) {
        return new ImportFigures(created + (attempt == ImportAttempt.CREATED ? pages : 0),
                updated + (attempt == ImportAttempt.UPDATED ? pages : 0),
                unchanged + (attempt == ImportAttempt.UNCHANGED ? pages : 0),
                notPlaybook + (attempt == ImportAttempt.NOT_PLAYBOOK ? pages : 0),
                invalid + (attempt == ImportAttempt.INVALID ? pages : 0),
                errors + (attempt == ImportAttempt.ERROR ? pages : 0));
    }

    public ImportFigures plus(ImportFigures other) {
        return new ImportFigures(created + other.created, updated + other.updated, unchanged + other.unchanged,
                notPlaybook + other.notPlaybook, invalid + other.invalid, errors + other.errors);
    }

    @JsonProperty("stored")
    public long stored() {
        return created + updated + unchanged;
    }

    @JsonProperty("failed")
    public long failed() {
        return invalid + errors;
    }

    @JsonProperty("attempted")
    public long attempted() {
        return stored() + failed();
    }

    @JsonProperty("success_rate")
    public Double successRate() {
        return Ratio.of(stored(), attempted());
    }
}
