package io.playbooks.learning;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The value of a Confluence space ({@code GET /spaces/{key}/value}): the mean value of its playbooks, each
 * component's mean, its most valuable playbooks, and why.
 */
@JsonPropertyOrder({"space_key", "value", "playbooks", "outdated", "why", "components", "most_valuable", "computed_at"})
public record SpaceValue(@JsonProperty("space_key") String spaceKey, double value, int playbooks, int outdated,
                         String why, List<ValueComponent> components,
                         @JsonProperty("most_valuable") List<Ranked> mostValuable,
                         @JsonProperty("computed_at") Instant computedAt) {

    static final int SHOWN = 5;

    /** A playbook of the space with its value. */
    public record Ranked(@JsonProperty("playbook_id") long playbookId, String slug, String name, double value) {
    }

    /** The space of {@code values}, all of one space and at least one. */
    static SpaceValue of(String spaceKey, List<PlaybookValue> values, Instant computedAt) {
        double mean = Scores.rounded(values.stream().mapToDouble(PlaybookValue::value).average().orElse(0));
        int outdated = (int) values.stream().filter(v -> v.outdatedFactor() < 1).count();
        List<ValueComponent> components = new ArrayList<>();
        ValueModel.WEIGHTS.forEach((name, weight) -> {
            double componentMean = values.stream().mapToDouble(v -> v.component(name).score()).average().orElse(0);
            components.add(new ValueComponent(name, componentMean, weight, Map.of("playbooks", values.size()),
                    "mean " + name + " score of the space's " + values.size() + " playbooks"));
        });
        List<Ranked> best = values.stream().sorted(Comparator.comparingDouble(PlaybookValue::value).reversed()
                        .thenComparing(PlaybookValue::name)).limit(SHOWN)
                .map(v -> new Ranked(v.playbookId(), v.slug(), v.name(), v.value())).toList();
        return new SpaceValue(spaceKey, mean, values.size(), outdated, why(mean, values.size(), outdated, components, best),
                components, best, computedAt);
    }

    private static String why(double mean, int playbooks, int outdated, List<ValueComponent> components,
                              List<Ranked> best) {
        List<ValueComponent> strongestFirst = new ArrayList<>(components);
        strongestFirst.sort(Comparator.comparingDouble(ValueComponent::contribution).reversed());
        ValueComponent strongest = strongestFirst.get(0);
        ValueComponent weakest = strongestFirst.get(strongestFirst.size() - 1);
        Ranked top = best.get(0);
        return "mean value " + ValueModel.format(mean) + " of " + playbooks + (playbooks == 1 ? " playbook" : " playbooks")
                + " (" + outdated + " outdated); strongest " + strongest.name() + " (mean "
                + ValueModel.format(strongest.score()) + "), weakest " + weakest.name() + " (mean "
                + ValueModel.format(weakest.score()) + "); most valuable: " + top.name() + " ("
                + ValueModel.format(top.value()) + ")";
    }
}
