package io.playbooks.learning;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * The value score of one playbook ({@code GET /playbooks/{id}/value}): the total, each component with its weight
 * and raw figures, and why.
 *
 * @param outdatedFactor 1, or {@link ValueModel#OUTDATED_FACTOR} for a playbook whose page went away
 */
@JsonPropertyOrder({"playbook_id", "slug", "name", "space_key", "value", "outdated_factor", "why", "components",
        "computed_at"})
public record PlaybookValue(@JsonProperty("playbook_id") long playbookId, String slug, String name,
                            @JsonProperty("space_key") String spaceKey, double value,
                            @JsonProperty("outdated_factor") double outdatedFactor, String why,
                            List<ValueComponent> components, @JsonProperty("computed_at") Instant computedAt) {

    public PlaybookValue {
        components = List.copyOf(components);
    }

    public ValueComponent component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no component " + name));
    }
}
