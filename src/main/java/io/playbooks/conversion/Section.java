package io.playbooks.conversion;

import org.jsoup.nodes.Element;

import java.util.List;

/**
 * A part of a page under one heading.
 *
 * @param heading   the heading's plain text, or null for the content before the first heading
 * @param kind      what the section holds
 * @param stepTitle the title of a numbered step heading ("2. Drain the node", "Step 3 - Verify"), else null; the
 *                  section is then one step, deeper headings included
 * @param titleCommands the inline code of a numbered step heading that is a command ("Step 2: Run
 *                  {@code ./reindex.sh}"): the step runs it unless the section below gives the command
 * @param blocks    the section's content in document order, layout and container macros unwrapped
 */
record Section(String heading, SectionKind kind, String stepTitle, List<Element> titleCommands, List<Element> blocks) {

    boolean stepHeading() {
        return stepTitle != null;
    }
}
