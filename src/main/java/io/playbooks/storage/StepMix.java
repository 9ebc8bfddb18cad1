package io.playbooks.storage;

import io.playbooks.playbook.Playbook;
import io.playbooks.playbook.Step;

import java.util.List;
import java.util.Map;

/**
 * How the steps of one playbook version split: concrete (a command or URL), manual (noop), and all of them. Substeps
 * count; rollback steps do not.
 */
public record StepMix(int steps, int concrete, int noop) {

    /** The mix of a playbook, counted when its version is stored (so analytics never reads the stored JSON). */
    public static StepMix of(Playbook playbook) {
        int[] counts = new int[3];
        count(playbook.steps(), counts);
        return new StepMix(counts[0], counts[1], counts[2]);
    }

    private static void count(List<Step> steps, int[] counts) {
        for (Step step : steps) {
            counts[0]++;
            if (isConcrete(step)) {
                counts[1]++;
            } else if (Step.NOOP.equals(step.action())) {
                counts[2]++;
            }
            count(step.substeps(), counts);
        }
    }

    private static boolean isConcrete(Step step) {
        if (Step.SHELL.equals(step.action())) {
            return filled(step.args(), "command");
        }
        return Step.HTTP_REQUEST.equals(step.action()) && filled(step.args(), "url");
    }

    /** A text that is not blank: what the converter writes as a command or URL (nothing else counts). */
    private static boolean filled(Map<String, Object> args, String key) {
        return args != null && args.get(key) instanceof String text && !text.isBlank();
    }
}
