package io.playbooks.conversion;

import io.playbooks.page.SourcePage;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Detection and conversion follow the profile they are given; the built-in one is the detector's original tuning. */
class DetectionProfileTest {

    private static final String PROCEDURE = "<h2>Steps</h2><ol><li>Stop the agent: <code>sudo systemctl stop agent</code></li>"
            + "<li>Start the agent: <code>sudo systemctl start agent</code></li></ol>";
    private static final SourcePage PAGE = SourcePage.of("1", "OPS", "Agent cache", List.of("kb-article"), PROCEDURE);
    private static final DetectionProfile BUILT_IN = DetectionProfile.builtIn(Map.of("OPS", "operations"));

    @Test
    void theBuiltInProfileGivesTheFormerScoresAndReasons() {
        Detection detection = new PageConverter(BUILT_IN).convert(PAGE).detection();

        assertThat(detection.score()).isEqualTo(0.70);
        assertThat(detection.reasons()).containsExactly(
                "headings such as 'Steps' belong to a procedure (+0.10)",
                "2 steps in ordered lists, step tables or task lists (+0.20)",
                "2 of 2 steps run a command or an HTTP call (+0.25)",
                "2 of 2 steps start with an imperative verb (+0.15)");
    }

    @Test
    void aHigherThresholdRefusesThePage() {
        assertThat(new PageConverter(BUILT_IN).convert(PAGE).detection().isPlaybook()).isTrue();
        assertThat(new PageConverter(BUILT_IN.withThreshold(0.75)).convert(PAGE).detection().isPlaybook()).isFalse();
    }

    @Test
    void aLabelWeightOfTheProfileCountsWithItsOwnWeight() {
        Map<String, Double> labels = new LinkedHashMap<>(BUILT_IN.labels().procedure());
        labels.put("kb-article", 0.05);
        DetectionProfile tuned = new DetectionProfile(0.5, new DetectionProfile.Weights(labels,
                BUILT_IN.labels().notAProcedure()), BUILT_IN.titleWords(), BUILT_IN.headings(), BUILT_IN.imperativeVerbs(),
                BUILT_IN.structure(), BUILT_IN.spaceCategoryMapping());

        Detection detection = new PageConverter(tuned).convert(PAGE).detection();

        assertThat(detection.score()).isEqualTo(0.75);
        assertThat(detection.reasons()).contains("label 'kb-article' marks a procedure (+0.05)");
    }

    @Test
    void aProcedureHeadingOfTheProfileIsASignal() {
        DetectionProfile tuned = new DetectionProfile(0.5, BUILT_IN.labels(), BUILT_IN.titleWords(),
                new DetectionProfile.Weights(Map.of("steps", 0.1), BUILT_IN.headings().notAProcedure()),
                BUILT_IN.imperativeVerbs(), BUILT_IN.structure(), Map.of());

        assertThat(new PageConverter(tuned).convert(PAGE).detection().reasons())
                .contains("headings such as 'Steps' belong to a procedure (+0.10)");
    }

    @Test
    void theSpaceCategoryMappingOfTheProfileGivesTheCategory() {
        assertThat(new PageConverter(BUILT_IN).convert(PAGE).playbook().category()).isEqualTo("operations");
        assertThat(new PageConverter(DetectionProfile.builtIn(Map.of())).convert(PAGE).playbook().category())
                .isEqualTo("general");
    }

    @Test
    void aPageAdmittedByHandIsConvertedWithItsScoreAndTheReason() {
        PageConverter strict = new PageConverter(BUILT_IN.withThreshold(0.9));

        Conversion admitted = strict.admitByHand(PAGE);

        assertThat(strict.convert(PAGE).hasPlaybook()).isFalse();
        assertThat(admitted.hasPlaybook()).isTrue();
        assertThat(admitted.detection().score()).isEqualTo(0.70);
        assertThat(admitted.detection().reasons()).last().asString()
                .contains("imported by hand with force_update although the score is below the threshold 0.90");
    }

    @Test
    void aPageWithoutStepsIsNotAdmittedByHand() {
        SourcePage notes = SourcePage.of("2", "OPS", "Team contacts", List.of(), "<p>Ann, Bob</p>");

        assertThat(new PageConverter(BUILT_IN).admitByHand(notes).hasPlaybook()).isFalse();
    }
}
