package io.playbooks.conversion;

import io.playbooks.playbook.Step;

import java.util.List;

/**
 * Whether a step's full text is worth keeping as its description: only when it says more than the step's name and
 * action. A noop's message already is that text, and "Drain the node: kubectl drain node-1" only repeats the name
 * and the command; writing such repeats would make every reader (people, agents, the search index) read the step
 * twice.
 */
final class StepDescription {

    private StepDescription() {
    }

    /** @return the text, or null when the name and the action already hold all of it */
    static String of(String text, String name, Action action, List<String> commands) {
        if (text.isEmpty() || action.type().equals(Step.NOOP)) {
            return null;
        }
        String rest = text.startsWith(name) ? text.substring(name.length()) : text;
        for (String command : commands) {
            rest = rest.replace(PlainText.normalize(command), "");
        }
        return onlySeparators(rest) ? null : text;
    }

    private static boolean onlySeparators(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            if (" ,;:.".indexOf(rest.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
