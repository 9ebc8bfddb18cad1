package io.playbooks.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.conversion.DetectionProfile;

import java.time.Instant;

/**
 * The profile as one JSON document, the unit of export and import: the detection profile, how the learned threshold
 * is used, where the profile came from and (on export) what was learned. Validated against
 * {@code profile/detection-profile.schema.json} before it is read.
 *
 * @param format        always {@value #FORMAT}
 * @param formatVersion version of this document's layout
 * @param source        where this instance got the profile from
 * @param learning      whether the learned threshold is only suggested or applied
 * @param profile       the weights, words, threshold and space-to-category mapping
 * @param learned       what the evidence suggests now (export only; ignored on import)
 */
@JsonPropertyOrder({"format", "format_version", "source", "learning", "profile", "learned"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileDocument(String format,
                              @JsonProperty("format_version") int formatVersion,
                              Source source,
                              Learning learning,
                              DetectionProfile profile,
                              LearnedThreshold.Learned learned) {

    public static final String FORMAT = "confluence-playbooks/detection-profile";
    public static final int FORMAT_VERSION = 1;

    public ProfileDocument {
        learning = learning == null ? Learning.DEFAULT : learning.withDefaults();
    }

    public ProfileDocument withLearned(LearnedThreshold.Learned now) {
        return new ProfileDocument(format, formatVersion, source, learning, profile, now);
    }

    /**
     * Where the profile came from: {@code built-in} (the detector's own weights and config.json's mapping) or
     * {@code imported} (by {@code PUT /profile}), on which instance and since when; an imported profile keeps the
     * source its exporter gave it.
     */
    @JsonPropertyOrder({"origin", "instance", "since", "imported_from"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String origin, String instance, Instant since,
                         @JsonProperty("imported_from") JsonNode importedFrom) {
    }

    /**
     * How the learned threshold is used.
     *
     * @param mode             {@code off}: not computed; {@code suggest}: shown with its evidence; {@code apply}: used
     * @param minEvidence      pages admitted by hand needed before a threshold is suggested
     * @param floor            the suggestion never goes below this score, however low an admitted page scored
     * @param requireExecution count only admitted pages that an agent reported as executed at least once
     */
    @JsonPropertyOrder({"mode", "min_evidence", "floor", "require_execution"})
    public record Learning(String mode,
                           @JsonProperty("min_evidence") Integer minEvidence,
                           Double floor,
                           @JsonProperty("require_execution") Boolean requireExecution) {

        public static final Learning DEFAULT = new Learning("suggest", 2, 0.25, false);

        Learning withDefaults() {
            return new Learning(mode == null ? DEFAULT.mode : mode, minEvidence == null ? DEFAULT.minEvidence : minEvidence,
                    floor == null ? DEFAULT.floor : floor,
                    requireExecution == null ? DEFAULT.requireExecution : requireExecution);
        }

        public boolean computed() {
            return !"off".equals(mode);
        }

        public boolean applied() {
            return "apply".equals(mode);
        }
    }
}
