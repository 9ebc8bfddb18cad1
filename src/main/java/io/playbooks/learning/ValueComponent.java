package io.playbooks.learning;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One part of a value score: its own score (0..1), its weight in the total, what it adds to the total
 * (score x weight), the raw figures it came from, and a sentence that says why.
 */
@JsonPropertyOrder({"name", "score", "weight", "contribution", "figures", "why"})
public record ValueComponent(String name, double score, double weight, double contribution,
                             Map<String, Object> figures, String why) {

    public ValueComponent(String name, double score, double weight, Map<String, Object> figures, String why) {
        this(name, Scores.rounded(score), weight, Scores.rounded(score * weight), figures, why);
    }

    public ValueComponent {
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }
}
