package io.playbooks.playbook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** A structured playbook: the hAIveMind format (version .. steps) plus rollback and source metadata. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"version", "name", "category", "description", "parameters", "prerequisites", "steps", "rollback", "metadata"})
public record Playbook(int version, String name, String category, String description,
                       List<Parameter> parameters, List<Prerequisite> prerequisites,
                       List<Step> steps, List<Step> rollback, PlaybookMetadata metadata) {

    public Playbook {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
        steps = steps == null ? List.of() : List.copyOf(steps);
        rollback = rollback == null ? List.of() : List.copyOf(rollback);
    }
}
