package io.playbooks.playbook;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Something that must hold before the first step, e.g. access or an approval. */
@JsonPropertyOrder({"type", "description"})
public record Prerequisite(String type, String description) {

    public static Prerequisite manualCheck(String description) {
        return new Prerequisite("manual_check", description);
    }
}
