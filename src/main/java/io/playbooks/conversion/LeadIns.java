package io.playbooks.conversion;

import io.playbooks.playbook.Step;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * What a section says around its steps rather than in them: a warning panel above the list ("Only for a full
 * outage"), a sentence that introduces it ("Repeat the following for each broker, one at a time:"), a note below it
 * ("Do not remove the old password until every consumer restarted"). A runner needs them with the steps: they go to
 * the first step that follows (a note or warning of it), else to the last step before them; before the playbook's
 * first step they speak of the whole procedure and go to the playbook.
 */
final class LeadIns {

    private final List<String> notes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** Keeps a block that stands beside the steps: a note or warning panel, or a paragraph that introduces a list. */
    void collect(Element block, Element next, String pageDescription) {
        String name = Macros.name(block);
        if (Macros.isNote(name) || Macros.isWarning(name)) {
            Element body = Macros.richBody(block);
            String text = body == null ? "" : PlainText.of(body);
            if (!text.isEmpty()) {
                (Macros.isWarning(name) ? warnings : notes).add(text);
            }
        } else if (block.tagName().equals("p") && next != null && introduces(next)) {
            String text = PlainText.of(block);
            if (!text.isEmpty() && !text.equals(pageDescription)) {
                notes.add(text);
            }
        }
    }

    boolean isEmpty() {
        return notes.isEmpty() && warnings.isEmpty();
    }

    /** Adds what was kept to those lists, and forgets it. */
    void moveTo(List<String> notes, List<String> warnings) {
        notes.addAll(this.notes);
        warnings.addAll(this.warnings);
        this.notes.clear();
        this.warnings.clear();
    }

    /** Adds what was kept to the step at that index of the list, and forgets it. */
    void attachTo(List<Step> steps, int index) {
        Step step = steps.get(index);
        steps.set(index, step.withMore(notes, warnings));
        notes.clear();
        warnings.clear();
    }

    private static boolean introduces(Element next) {
        String tag = next.tagName();
        return tag.equals("ol") || tag.equals("ac:task-list") || tag.equals("table") && StepTable.isStepTable(next)
                || tag.equals("ul") && !next.select("ol, ac|task-list").isEmpty();
    }
}
