package io.playbooks.conversion;

import org.jsoup.nodes.Element;

import java.util.List;

/**
 * A part of a page under one heading.
 *
 * @param heading     the heading element, or null for the content before the first heading
 * @param kind        what the section holds
 * @param stepHeading true when the heading is a numbered step ("2. Drain the node", "Step 3 - Verify"); the
 *                    section is then one step, deeper headings included
 * @param blocks      the section's content in document order, layout and container macros unwrapped
 */
record Section(Element heading, SectionKind kind, boolean stepHeading, List<Element> blocks) {
}
