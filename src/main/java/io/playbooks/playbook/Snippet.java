package io.playbooks.playbook;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Code in a non-shell language that a step shows (yaml, json, sql...), kept byte for byte. */
@JsonPropertyOrder({"language", "code"})
public record Snippet(String language, String code) {
}
