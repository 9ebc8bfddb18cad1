package io.playbooks.learning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.api.ApiException;

/**
 * Body of {@code POST /playbooks/{id}/executions} and the arguments of MCP {@code report_execution}: how a run of
 * the playbook ended, how long it took, and what the agent wants to say about it. Every bad value is refused with
 * the field's name and what it must be. Other keys (the MCP tool's playbook_id) are left to the caller.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExecutionReport(ExecutionOutcome outcome, @JsonProperty("duration_ms") long durationMs, String notes) {

    public static final int MAX_NOTES = 4000;

    public ExecutionReport {
        if (outcome == null) {
            throw ApiException.badRequest("outcome is required: one of " + ExecutionOutcome.codes());
        }
        if (durationMs < 0) {
            throw ApiException.badRequest("duration_ms must be 0 or more milliseconds, not " + durationMs);
        }
        if (notes != null && notes.length() > MAX_NOTES) {
            throw ApiException.badRequest("notes must be at most " + MAX_NOTES + " characters, not " + notes.length());
        }
        notes = notes == null || notes.isBlank() ? null : notes;
    }

    /** Reads the JSON, checking each field with its own message (Jackson's own would not name the field). */
    @JsonCreator
    public static ExecutionReport of(@JsonProperty("outcome") String outcome,
                                     @JsonProperty("duration_ms") JsonNode durationMs,
                                     @JsonProperty("notes") String notes) {
        if (outcome == null || outcome.isBlank()) {
            throw ApiException.badRequest("outcome is required: one of " + ExecutionOutcome.codes());
        }
        ExecutionOutcome known = ExecutionOutcome.fromCode(outcome).orElseThrow(() -> ApiException.badRequest(
                "outcome must be one of " + ExecutionOutcome.codes() + ", not '" + outcome + "'"));
        return new ExecutionReport(known, milliseconds(durationMs), notes);
    }

    private static long milliseconds(JsonNode durationMs) {
        if (durationMs == null || durationMs.isNull() || durationMs.isMissingNode()) {
            throw ApiException.badRequest("duration_ms is required: how long the run took, in milliseconds");
        }
        if (!durationMs.isIntegralNumber() || !durationMs.canConvertToLong()) {
            throw ApiException.badRequest("duration_ms must be a whole number of milliseconds, not " + durationMs);
        }
        return durationMs.longValue();
    }
}
