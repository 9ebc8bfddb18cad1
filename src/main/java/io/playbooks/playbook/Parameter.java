package io.playbooks.playbook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An input the playbook needs, from a parameter table or a ${VAR} / &lt;placeholder&gt; token. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "description", "required"})
public record Parameter(String name, String description, boolean required) {
}
