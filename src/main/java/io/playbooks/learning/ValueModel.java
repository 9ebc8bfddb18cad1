package io.playbooks.learning;

import io.playbooks.storage.PlaybookSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a playbook's value score (0..1) is computed: a weighted sum of four components, halved for an outdated
 * playbook.
 * <ul>
 *   <li>use (0.35): fetches (weight 1), opened search hits (2) and reported runs (3), each decayed by its age
 *   (half-life 30 days); {@value #USE_HALF_SCORE} weighted uses score 0.5 (u / (u + 10)).</li>
 *   <li>outcomes (0.25): the success ratio of the reported runs (partial counts half, aborted a quarter), with a
 *   prior of {@value #PRIOR_RUNS} runs at 0.5 so that one run does not decide it.</li>
 *   <li>freshness (0.15): halves every 180 days since the page last changed; 0 when outdated.</li>
 *   <li>quality (0.25): half the share of steps with a command or URL, half the detection score, less 0.25 per
 *   schema problem.</li>
 * </ul>
 */
public final class ValueModel {

    public static final String USE = "use";
    public static final String OUTCOMES = "outcomes";
    public static final String FRESHNESS = "freshness";
    public static final String QUALITY = "quality";
    public static final Map<String, Double> WEIGHTS = weights();

    static final double USE_HALF_LIFE_DAYS = 30;
    static final double USE_HALF_SCORE = 10;
    static final double PRIOR_RUNS = 4;
    static final double PRIOR_SUCCESS = 0.5;
    static final double FRESHNESS_HALF_LIFE_DAYS = 180;
    static final double PENALTY_PER_PROBLEM = 0.25;
    public static final double OUTDATED_FACTOR = 0.5;

    private ValueModel() {
    }

    /** Everything the score of one playbook is computed from. */
    public record Facts(PlaybookSummary summary, UseTally uses, OutcomeTally outcomes, ConversionQuality quality) {
    }

    public static PlaybookValue score(Facts facts, Instant now) {
        PlaybookSummary summary = facts.summary();
        List<ValueComponent> components = List.of(use(facts.uses(), now), outcomes(facts.outcomes()),
                freshness(summary, now), quality(facts.quality()));
        double sum = components.stream().mapToDouble(c -> c.score() * c.weight()).sum();
        double factor = summary.outdated() ? OUTDATED_FACTOR : 1;
        double value = Scores.rounded(Scores.clamped(sum * factor));
        return new PlaybookValue(summary.playbookId(), summary.slug(), summary.name(), summary.confluenceSpace(), value,
                factor, why(value, components, summary.outdated()), components, now);
    }

    private static ValueComponent use(UseTally uses, Instant now) {
        double weighted = uses.weightAt(now);
        Map<String, Object> figures = new LinkedHashMap<>();
        for (UsageKind kind : UsageKind.values()) {
            figures.put(kind.code(), uses.count(kind));
        }
        figures.put("weighted_recent_uses", Scores.rounded(weighted));
        figures.put("last_used_at", uses.lastUsed() == null ? null : uses.lastUsed().toString());
        figures.put("half_life_days", USE_HALF_LIFE_DAYS);
        String why = uses.total() == 0 ? "no use recorded yet"
                : plural(uses.count(UsageKind.FETCHED), "fetch", "fetches") + ", "
                + plural(uses.count(UsageKind.SEARCH_OPENED), "opened search hit", "opened search hits")
                + " and " + plural(uses.count(UsageKind.EXECUTED), "reported run", "reported runs")
                + " weigh " + format(weighted) + " after decay (half-life " + (int) USE_HALF_LIFE_DAYS + " days); "
                + (int) USE_HALF_SCORE + " weighted uses would score 0.5";
        return new ValueComponent(USE, weighted / (weighted + USE_HALF_SCORE), WEIGHTS.get(USE), figures, why);
    }

    private static ValueComponent outcomes(OutcomeTally tally) {
        long runs = tally.runs();
        double score = (tally.credit() + PRIOR_RUNS * PRIOR_SUCCESS) / (runs + PRIOR_RUNS);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("runs", runs);
        for (ExecutionOutcome outcome : ExecutionOutcome.values()) {
            figures.put(outcome.code(), tally.of(outcome));
        }
        figures.put("prior_runs", PRIOR_RUNS);
        figures.put("prior_success", PRIOR_SUCCESS);
        String prior = "a prior of " + (int) PRIOR_RUNS + " runs at " + PRIOR_SUCCESS;
        String why = runs == 0 ? "no run reported yet: neutral " + PRIOR_SUCCESS + " (" + prior + ")"
                : tally.of(ExecutionOutcome.SUCCESS) + " of " + plural(runs, "reported run", "reported runs")
                + " succeeded (" + tally.of(ExecutionOutcome.PARTIAL) + " partial, " + tally.of(ExecutionOutcome.ABORTED)
                + " aborted, " + tally.of(ExecutionOutcome.FAILURE) + " failed): success ratio " + format(score)
                + " with " + prior;
        return new ValueComponent(OUTCOMES, score, WEIGHTS.get(OUTCOMES), figures, why);
    }

    private static ValueComponent freshness(PlaybookSummary summary, Instant now) {
        Instant changed = summary.lastImported() != null ? summary.lastImported() : summary.updatedAt();
        long days = Math.max(0, Duration.between(changed, now).toDays());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("days_since_change", days);
        figures.put("changed_at", changed.toString());
        figures.put("outdated", summary.outdated());
        figures.put("half_life_days", FRESHNESS_HALF_LIFE_DAYS);
        if (summary.outdated()) {
            String reason = summary.outdatedReason() == null ? "the page went away" : summary.outdatedReason();
            return new ValueComponent(FRESHNESS, 0, WEIGHTS.get(FRESHNESS), figures,
                    "outdated (" + reason + "): freshness 0 and the whole score halved");
        }
        double score = Scores.decay(days, FRESHNESS_HALF_LIFE_DAYS);
        return new ValueComponent(FRESHNESS, score, WEIGHTS.get(FRESHNESS), figures, "the page last changed "
                + plural(days, "day", "days") + " ago; freshness halves every " + (int) FRESHNESS_HALF_LIFE_DAYS + " days");
    }

    private static ValueComponent quality(ConversionQuality quality) {
        double score = Scores.clamped(0.5 * quality.concreteShare() + 0.5 * quality.detectionScore()
                - PENALTY_PER_PROBLEM * quality.problems().size());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("steps", quality.steps());
        figures.put("concrete_steps", quality.concreteSteps());
        figures.put("manual_steps", quality.steps() - quality.concreteSteps());
        figures.put("detection_score", quality.detectionScore());
        figures.put("problems", quality.problems());
        String why = quality.concreteSteps() + " of " + plural(quality.steps(), "step", "steps")
                + " have a command or URL (" + (quality.steps() - quality.concreteSteps()) + " manual), detection score "
                + format(quality.detectionScore()) + ", "
                + (quality.problems().isEmpty() ? "no schema problem" : plural(quality.problems().size(),
                "schema problem", "schema problems") + " (" + quality.problems().get(0) + ")");
        return new ValueComponent(QUALITY, score, WEIGHTS.get(QUALITY), figures, why);
    }

    /** "0.62: quality 0.21 + use 0.19 + ... ; most of it from quality" (and the halving of an outdated playbook). */
    static String why(double value, List<ValueComponent> components, boolean outdated) {
        List<ValueComponent> biggestFirst = new ArrayList<>(components);
        biggestFirst.sort(Comparator.comparingDouble(ValueComponent::contribution).reversed());
        List<String> parts = biggestFirst.stream().map(c -> c.name() + " " + format(c.contribution())).toList();
        ValueComponent weakest = biggestFirst.get(biggestFirst.size() - 1);
        return "scores " + format(value) + " = " + String.join(" + ", parts) + (outdated ? ", halved as outdated" : "")
                + "; most from " + biggestFirst.get(0).name() + " (" + biggestFirst.get(0).why() + "), least from "
                + weakest.name() + " (" + weakest.why() + ")";
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    private static Map<String, Double> weights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put(USE, 0.35);
        weights.put(OUTCOMES, 0.25);
        weights.put(FRESHNESS, 0.15);
        weights.put(QUALITY, 0.25);
        return Collections.unmodifiableMap(weights);
    }
}
