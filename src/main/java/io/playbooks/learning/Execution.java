package io.playbooks.learning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;

/** A stored execution report (table playbook_executions). */
@JsonPropertyOrder({"execution_id", "playbook_id", "outcome", "duration_ms", "notes", "channel", "reported_at"})
public record Execution(@JsonProperty("execution_id") long id,
                        @JsonProperty("playbook_id") long playbookId,
                        ExecutionOutcome outcome,
                        @JsonProperty("duration_ms") long durationMs,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String notes,
                        UsageChannel channel,
                        @JsonProperty("reported_at") Instant reportedAt) {
}
