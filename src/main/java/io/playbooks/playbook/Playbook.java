package io.playbooks.playbook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A structured playbook: the hAIveMind format (version .. steps, whose key order stays first) plus rollback and
 * source metadata. Its notes and warnings are the panels and sentences that stand before the first step: they speak
 * of the whole procedure, not of one step (a step's own are inside it).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"version", "name", "category", "description", "parameters", "prerequisites", "steps", "rollback",
        "notes", "warnings", "metadata"})
public record Playbook(int version, String name, String category, String description, List<Parameter> parameters,
                       List<Prerequisite> prerequisites, List<Step> steps, List<Step> rollback, List<String> notes,
                       List<String> warnings, PlaybookMetadata metadata) {

    /** A playbook without notes or warnings of its own. */
    public Playbook(int version, String name, String category, String description, List<Parameter> parameters,
                    List<Prerequisite> prerequisites, List<Step> steps, List<Step> rollback, PlaybookMetadata metadata) {
        this(version, name, category, description, parameters, prerequisites, steps, rollback, List.of(), List.of(),
                metadata);
    }

    public Playbook {
        notes = notes == null ? List.of() : List.copyOf(notes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
        steps = steps == null ? List.of() : List.copyOf(steps);
        rollback = rollback == null ? List.of() : List.copyOf(rollback);
    }
}
