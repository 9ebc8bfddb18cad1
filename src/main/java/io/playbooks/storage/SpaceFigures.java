package io.playbooks.storage;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The raw figures of one space at one moment, as counted from the store and kept in a daily snapshot.
 *
 * @param pagesChecked  pages an import or sync looked at (their last outcome, page_checks)
 * @param playbookPages of those, pages that read as playbooks (stored, unchanged, or failed)
 * @param invalidPages  of those, pages whose last import failed (validation or conversion)
 * @param playbooks     current (not outdated) playbooks
 * @param outdated      outdated playbooks
 * @param steps         steps (with substeps) of the current playbooks' newest content
 * @param concreteSteps of those, steps with a command (shell) or a URL (http_request)
 * @param noopSteps     of those, manual steps (noop)
 * @param usedPlaybooks current playbooks used at least once in the use window
 */
public record SpaceFigures(@JsonProperty("pages_checked") int pagesChecked,
                           @JsonProperty("playbook_pages") int playbookPages,
                           @JsonProperty("invalid_pages") int invalidPages,
                           int playbooks,
                           int outdated,
                           int steps,
                           @JsonProperty("concrete_steps") int concreteSteps,
                           @JsonProperty("noop_steps") int noopSteps,
                           @JsonProperty("used_playbooks") int usedPlaybooks) {

    public static final SpaceFigures NONE = new SpaceFigures(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public SpaceFigures plus(SpaceFigures other) {
        return new SpaceFigures(pagesChecked + other.pagesChecked, playbookPages + other.playbookPages,
                invalidPages + other.invalidPages, playbooks + other.playbooks, outdated + other.outdated,
                steps + other.steps, concreteSteps + other.concreteSteps, noopSteps + other.noopSteps,
                usedPlaybooks + other.usedPlaybooks);
    }

    SpaceFigures withPageChecks(int checked, int asPlaybooks, int invalid) {
        return new SpaceFigures(checked, asPlaybooks, invalid, playbooks, outdated, steps, concreteSteps, noopSteps,
                usedPlaybooks);
    }

    SpaceFigures withPlaybooks(int current, int outdatedOnes, int stepCount, int concrete, int noop) {
        return new SpaceFigures(pagesChecked, playbookPages, invalidPages, current, outdatedOnes, stepCount, concrete,
                noop, usedPlaybooks);
    }

    SpaceFigures withUsed(int used) {
        return new SpaceFigures(pagesChecked, playbookPages, invalidPages, playbooks, outdated, steps, concreteSteps,
                noopSteps, used);
    }
}
