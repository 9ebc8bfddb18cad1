package io.playbooks.conversion;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The numbered headings inside a step's content ("1. Preparation", then "Step 1: Export the realms", "Step 2: Dump
 * the database" under it, or "1.1", "1.2" under "1."): each is a step of its own, a substep of the step around it, as
 * a nested ordered list is. The content is split at the highest of them; deeper ones are split in turn when their
 * part is read. An unnumbered heading of that level or higher ends a part: what follows is the outer step's again.
 */
final class HeadingSubsteps {

    /** One nested numbered heading: its title, and the heading's commands followed by what stands under it. */
    record Part(String title, List<Node> content) {
    }

    /** What the step itself holds, and its nested numbered headings in order. */
    record Split(List<Node> own, List<Part> parts) {
    }

    private HeadingSubsteps() {
    }

    static Split of(List<? extends Node> content) {
        int top = Integer.MAX_VALUE;
        for (Node node : content) {
            if (stepTitle(node) != null) {
                top = Math.min(top, SectionSplitter.headingLevel((Element) node));
            }
        }
        if (top == Integer.MAX_VALUE) {
            return new Split(Collections.unmodifiableList(content), List.of()); // most steps: no copy
        }
        List<Node> own = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        List<Node> current = own;
        for (Node node : content) {
            int level = node instanceof Element element ? SectionSplitter.headingLevel(element) : 0;
            if (level == 0 || level > top) {
                current.add(node);
                continue;
            }
            String title = stepTitle(node);
            if (title == null) {
                own.add(node);
                current = own;
                continue;
            }
            Element heading = (Element) node;
            List<Element> commands = NumberedHeading.commandsIn(heading);
            current = new ArrayList<>(commands);
            parts.add(new Part(commands.isEmpty() ? title : NumberedHeading.nameBefore(title, commands.get(0)), current));
        }
        return new Split(own, parts);
    }

    /** The title of a numbered heading that names a step (not a part of the page such as "2. Rollback"), else null. */
    private static String stepTitle(Node node) {
        if (!(node instanceof Element element) || SectionSplitter.headingLevel(element) == 0) {
            return null;
        }
        String title = NumberedHeading.title(PlainText.of(element)).orElse(null);
        return title == null || SectionKind.ofNumbered(title) != null ? null : title;
    }
}
