package io.playbooks.storage;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** One reason a playbook is outdated, as the API shows it in {@code outdated_flags}. */
public record OutdatedFlag(FlagKind kind, String reason, @JsonProperty("detected_at") Instant detectedAt) {
}
