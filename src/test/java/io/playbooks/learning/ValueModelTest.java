package io.playbooks.learning;

import io.playbooks.storage.FlagKind;
import io.playbooks.storage.OutdatedFlag;
import io.playbooks.storage.PlaybookSummary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The value score: each component from its figures, the weights, decay, the prior and the outdated halving. */
class ValueModelTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final ConversionQuality ALL_CONCRETE = new ConversionQuality(4, 4, 0.8, List.of());

    @Test
    void weightsAddUpToOne() {
        assertThat(ValueModel.WEIGHTS.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
    }

    @Test
    void anUnusedFreshPlaybookScoresFromItsQualityFreshnessAndTheNeutralPrior() {
        PlaybookValue value = ValueModel.score(facts(summary(false, 0), uses(), OutcomeTally.NONE, ALL_CONCRETE), NOW);

        assertThat(value.component(ValueModel.USE).score()).isZero();
        assertThat(value.component(ValueModel.OUTCOMES).score()).isEqualTo(0.5);
        assertThat(value.component(ValueModel.FRESHNESS).score()).isEqualTo(1.0);
        assertThat(value.component(ValueModel.QUALITY).score()).isEqualTo(0.9);
        assertThat(value.value()).isEqualTo(0.35 * 0 + 0.25 * 0.5 + 0.15 * 1 + 0.25 * 0.9, within(1e-4));
        assertThat(value.component(ValueModel.USE).why()).isEqualTo("no use recorded yet");
        assertThat(value.component(ValueModel.OUTCOMES).why()).startsWith("no run reported yet: neutral 0.5");
        assertThat(value.why()).startsWith("scores 0.50 = quality 0.23 + freshness 0.15 + outcomes 0.13 + use 0.00; "
                + "most from quality (4 of 4 steps have a command or URL").endsWith("least from use (no use recorded yet)");
    }

    @Test
    void recentUseWeighsMoreThanTheSameUseLongAgo() {
        double recent = useScore(uses(use(UsageKind.FETCHED, 0, 5)));
        double aMonthAgo = useScore(uses(use(UsageKind.FETCHED, 30, 5)));

        assertThat(recent).isEqualTo(5.0 / 15, within(1e-4));
        // half-life 30 days: 5 fetches a month ago weigh 2.5
        assertThat(aMonthAgo).isEqualTo(2.5 / 12.5, within(1e-4));
    }

    @Test
    void aReportedRunWeighsMoreThanAnOpenedSearchHitWhichWeighsMoreThanAFetch() {
        double fetched = useScore(uses(use(UsageKind.FETCHED, 0, 1)));
        double opened = useScore(uses(use(UsageKind.SEARCH_OPENED, 0, 1)));
        double executed = useScore(uses(use(UsageKind.EXECUTED, 0, 1)));

        assertThat(fetched).isLessThan(opened);
        assertThat(opened).isLessThan(executed);
    }

    @Test
    void oneFailedRunDoesNotDecideTheOutcomeButManyDo() {
        double oneFailure = outcomes(Map.of(ExecutionOutcome.FAILURE, 1L));
        double tenFailures = outcomes(Map.of(ExecutionOutcome.FAILURE, 10L));
        double mixed = outcomes(Map.of(ExecutionOutcome.SUCCESS, 3L, ExecutionOutcome.PARTIAL, 2L,
                ExecutionOutcome.ABORTED, 4L, ExecutionOutcome.FAILURE, 1L));

        assertThat(oneFailure).isEqualTo(2.0 / 5);
        assertThat(tenFailures).isEqualTo(2.0 / 14, within(1e-4));
        // 3 + 2 x 0.5 + 4 x 0.25 + prior 2, over 10 runs + 4
        assertThat(mixed).isEqualTo(7.0 / 14, within(1e-4));
    }

    @Test
    void freshnessHalvesEvery180DaysSinceThePageChanged() {
        PlaybookValue halfYear = ValueModel.score(facts(summary(false, 180), uses(), OutcomeTally.NONE, ALL_CONCRETE), NOW);

        assertThat(halfYear.component(ValueModel.FRESHNESS).score()).isEqualTo(0.5);
        assertThat(halfYear.component(ValueModel.FRESHNESS).figures()).containsEntry("days_since_change", 180L);
        assertThat(halfYear.component(ValueModel.FRESHNESS).why()).isEqualTo(
                "the page last changed 180 days ago; freshness halves every 180 days");
    }

    @Test
    void anOutdatedPlaybookHasNoFreshnessAndHalfItsValue() {
        PlaybookValue current = ValueModel.score(facts(summary(false, 0), uses(), OutcomeTally.NONE, ALL_CONCRETE), NOW);
        PlaybookValue outdated = ValueModel.score(facts(summary(true, 0), uses(), OutcomeTally.NONE, ALL_CONCRETE), NOW);

        assertThat(outdated.component(ValueModel.FRESHNESS).score()).isZero();
        assertThat(outdated.outdatedFactor()).isEqualTo(0.5);
        assertThat(outdated.value()).isEqualTo((current.value() - 0.15) / 2, within(1e-4));
        assertThat(outdated.component(ValueModel.FRESHNESS).why()).contains("page 7 was deleted");
        assertThat(outdated.why()).contains("halved as outdated");
    }

    @Test
    void qualityCountsConcreteStepsDetectionAndEverySchemaProblem() {
        ConversionQuality halfManual = new ConversionQuality(4, 2, 0.6, List.of());
        ConversionQuality withProblem = new ConversionQuality(4, 2, 0.6, List.of("$.steps[0].id: does not match"));

        double clean = ValueModel.score(facts(summary(false, 0), uses(), OutcomeTally.NONE, halfManual), NOW)
                .component(ValueModel.QUALITY).score();
        ValueComponent flawed = ValueModel.score(facts(summary(false, 0), uses(), OutcomeTally.NONE, withProblem), NOW)
                .component(ValueModel.QUALITY);

        assertThat(clean).isEqualTo(0.5 * 0.5 + 0.5 * 0.6, within(1e-4));
        assertThat(flawed.score()).isEqualTo(clean - 0.25, within(1e-4));
        assertThat(flawed.why()).isEqualTo("2 of 4 steps have a command or URL (2 manual), detection score 0.60, "
                + "1 schema problem ($.steps[0].id: does not match)");
    }

    @Test
    void theExplanationOfUseGivesTheCountsAndTheirDecayedWeight() {
        ValueComponent use = ValueModel.score(facts(summary(false, 0), uses(use(UsageKind.FETCHED, 0, 3),
                use(UsageKind.SEARCH_OPENED, 0, 1), use(UsageKind.EXECUTED, 30, 2)), OutcomeTally.NONE, ALL_CONCRETE), NOW)
                .component(ValueModel.USE);

        // 3 x 1 + 1 x 2 + 2 x 3 x 0.5
        assertThat(use.figures()).containsEntry("fetched", 3L).containsEntry("search_opened", 1L)
                .containsEntry("executed", 2L).containsEntry("weighted_recent_uses", 8.0)
                .containsEntry("last_used_at", NOW.toString());
        assertThat(use.why()).isEqualTo("3 fetches, 1 opened search hit and 2 reported runs weigh "
                + "8.00 after decay (half-life 30 days); 10 weighted uses would score 0.5");
        assertThat(use.contribution()).isEqualTo(Math.round(8.0 / 18 * 0.35 * 10_000) / 10_000.0);
    }

    private static double useScore(UseTally uses) {
        return ValueModel.score(facts(summary(false, 0), uses, OutcomeTally.NONE, ALL_CONCRETE), NOW)
                .component(ValueModel.USE).score();
    }

    private static double outcomes(Map<ExecutionOutcome, Long> counts) {
        return ValueModel.score(facts(summary(false, 0), uses(), new OutcomeTally(counts), ALL_CONCRETE), NOW)
                .component(ValueModel.OUTCOMES).score();
    }

    /** {@code count} uses of one kind, {@code daysAgo} days before now. */
    private record Uses(UsageKind kind, int daysAgo, int count) {
    }

    private static Uses use(UsageKind kind, int daysAgo, int count) {
        return new Uses(kind, daysAgo, count);
    }

    private static UseTally uses(Uses... uses) {
        UseTally tally = new UseTally();
        for (Uses use : uses) {
            for (int i = 0; i < use.count(); i++) {
                tally.add(use.kind(), NOW.minus(Duration.ofDays(use.daysAgo())));
            }
        }
        return tally;
    }

    private static ValueModel.Facts facts(PlaybookSummary summary, UseTally uses, OutcomeTally outcomes,
                                          ConversionQuality quality) {
        return new ValueModel.Facts(summary, uses, outcomes, quality);
    }

    private static PlaybookSummary summary(boolean outdated, int daysSinceChange) {
        Instant changed = NOW.minus(Duration.ofDays(daysSinceChange));
        return new PlaybookSummary(7, "restart-app", "Restart app", "operations", "7", "OPS",
                "https://wiki.example.com/pages/7", 3, changed, changed, changed, outdated,
                outdated ? "page 7 was deleted from space OPS" : null, 4, 2,
                outdated ? List.of(new OutdatedFlag(FlagKind.DELETED, "page 7 was deleted from space OPS", changed)) : List.of());
    }
}
