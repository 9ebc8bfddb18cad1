package io.playbooks.analytics;

import io.playbooks.storage.SpaceFigures;

import java.time.Duration;

/**
 * How much a space gives agents, 0..1: score = coverage x quality x use, where
 * coverage = current playbooks / pages looked at (how much of the space became playbooks),
 * quality = concrete step share x (1 - validation failure share) (how runnable they are),
 * use = current playbooks used at least once in the last {@link #USE_WINDOW} / current playbooks (whether anyone
 * needs them). A part with nothing to divide by is null, and then so is the score.
 */
public record Effectiveness(Double coverage, Double quality, Double use, Double score) {

    /** Fixed, so that the snapshots of different days and the current figures compare. */
    public static final Duration USE_WINDOW = Duration.ofDays(30);

    public static final String DEFINITION = "score = coverage x quality x use (0..1); coverage = current playbooks /"
            + " pages looked at; quality = concrete step share x (1 - validation failure share); use = current"
            + " playbooks used at least once in the last 30 days / current playbooks; null when a part has nothing"
            + " to divide by";

    public static Effectiveness of(SpaceFigures figures) {
        Double coverage = share(Math.min(figures.playbooks(), figures.pagesChecked()), figures.pagesChecked());
        Double concrete = share(figures.concreteSteps(), figures.steps());
        Double failures = share(figures.invalidPages(), figures.playbookPages());
        Double quality = concrete == null ? null : concrete * (1 - (failures == null ? 0 : failures));
        Double use = share(figures.usedPlaybooks(), figures.playbooks());
        Double score = coverage == null || quality == null || use == null ? null : coverage * quality * use;
        return new Effectiveness(rounded(coverage), rounded(quality), rounded(use), rounded(score));
    }

    /** Unrounded, so that the product is not the product of rounded parts. */
    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Double rounded(Double value) {
        return value == null ? null : Ratio.round(value);
    }
}
