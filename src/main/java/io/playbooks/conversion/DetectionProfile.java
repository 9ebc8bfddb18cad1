package io.playbooks.conversion;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything detection and conversion can be tuned with: the weight of every label, title word and heading that
 * counts, the weights of the structural signals, the verbs that make a step imperative, the playbook threshold and
 * the space-to-category mapping. {@link #builtIn} reproduces the detector's original constants exactly; a profile
 * exported by one instance and imported by another tunes both alike. Immutable; maps keep their order, because the
 * first match in that order is the one that fires.
 *
 * @param threshold            score from which a page is a playbook
 * @param labels               label -> weight; procedure labels also count inside compound labels ("kb-how-to")
 * @param titleWords           title word or two-word phrase -> weight; the first of each sign in the title fires
 * @param headings             heading start -> weight; the first heading of each sign that starts so fires
 * @param imperativeVerbs      verbs that make a step imperative when its text starts with one
 * @param structure            weights of the signals read from the page structure
 * @param spaceCategoryMapping space key -> playbook category; other spaces give {@value PageConverter#DEFAULT_CATEGORY}
 */
@JsonPropertyOrder({"threshold", "labels", "title_words", "headings", "imperative_verbs", "structure",
        "space_category_mapping"})
public record DetectionProfile(double threshold,
                               Weights labels,
                               @JsonProperty("title_words") Weights titleWords,
                               Weights headings,
                               @JsonProperty("imperative_verbs") Set<String> imperativeVerbs,
                               StructureWeights structure,
                               @JsonProperty("space_category_mapping") Map<String, String> spaceCategoryMapping) {

    public DetectionProfile {
        imperativeVerbs = Collections.unmodifiableSet(new LinkedHashSet<>(imperativeVerbs));
        spaceCategoryMapping = spaceCategoryMapping == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(spaceCategoryMapping));
    }

    /** The weights the detector was built with, and the given space-to-category mapping. */
    public static DetectionProfile builtIn(Map<String, String> spaceCategoryMapping) {
        return BuiltInProfile.with(spaceCategoryMapping);
    }

    /** The playbook category of a page in this space. */
    public String categoryFor(String spaceKey) {
        return spaceKey == null ? PageConverter.DEFAULT_CATEGORY
                : spaceCategoryMapping.getOrDefault(spaceKey, PageConverter.DEFAULT_CATEGORY);
    }

    public DetectionProfile withThreshold(double newThreshold) {
        return new DetectionProfile(newThreshold, labels, titleWords, headings, imperativeVerbs, structure,
                spaceCategoryMapping);
    }

    /**
     * Words that speak for a procedure (positive weights) and against one (negative weights), in the order they are
     * tried.
     */
    @JsonPropertyOrder({"procedure", "not_a_procedure"})
    public record Weights(Map<String, Double> procedure,
                          @JsonProperty("not_a_procedure") Map<String, Double> notAProcedure) {

        public Weights {
            procedure = procedure == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(procedure));
            notAProcedure = notAProcedure == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(notAProcedure));
        }

        /** Every word of the list with the same weight, in list order. */
        static Map<String, Double> same(double weight, List<String> words) {
            Map<String, Double> out = new LinkedHashMap<>();
            words.forEach(word -> out.put(word, weight));
            return out;
        }
    }

    /**
     * Weights of the signals the extractor's findings give. {@code long_imperative_list} and
     * {@code past_tense_steps} came after the first profiles were exported: a document without them gets the
     * built-in weights.
     */
    @JsonPropertyOrder({"ordered_procedure", "numbered_headings", "commands_in_steps", "some_commands",
            "imperative_steps", "long_imperative_list", "past_tense_steps", "prerequisites_or_rollback", "no_steps"})
    public record StructureWeights(@JsonProperty("ordered_procedure") double orderedProcedure,
                                   @JsonProperty("numbered_headings") double numberedHeadings,
                                   @JsonProperty("commands_in_steps") double commandsInSteps,
                                   @JsonProperty("some_commands") double someCommands,
                                   @JsonProperty("imperative_steps") double imperativeSteps,
                                   @JsonProperty("long_imperative_list") Double longImperativeList,
                                   @JsonProperty("past_tense_steps") Double pastTenseSteps,
                                   @JsonProperty("prerequisites_or_rollback") double prerequisitesOrRollback,
                                   @JsonProperty("no_steps") double noSteps) {

        public StructureWeights {
            longImperativeList = longImperativeList == null ? BuiltInProfile.LONG_IMPERATIVE_LIST : longImperativeList;
            pastTenseSteps = pastTenseSteps == null ? BuiltInProfile.PAST_TENSE_STEPS : pastTenseSteps;
        }
    }
}
