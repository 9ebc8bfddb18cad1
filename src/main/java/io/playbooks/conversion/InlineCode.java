package io.playbooks.conversion;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.Set;

/**
 * Inline code that the editor split into chips: a link, a comment marker or a formatting mark around part of a
 * command ({@code <code>curl -sk </code><a href="..."><code>https://...</code></a>}) leaves pieces that are one
 * command to the reader.
 */
final class InlineCode {

    /** Inline elements that may wrap a piece of a command without adding text of their own. */
    private static final Set<String> WRAPPERS = Set.of("a", "span", "ac:inline-comment-marker", "em", "strong", "b",
            "i", "u");

    private InlineCode() {
    }

    /** The code element that continues {@code code} with nothing between them, else null. */
    static Element nextChip(Element code) {
        Node at = code;
        while (at.nextSibling() == null && at.parent() instanceof Element parent && WRAPPERS.contains(parent.tagName())) {
            at = parent;
        }
        Node next = at.nextSibling();
        while (next instanceof Element wrapper && WRAPPERS.contains(wrapper.tagName()) && wrapper.childNodeSize() == 1) {
            next = wrapper.firstChild();
        }
        return next instanceof Element element && element.tagName().equals("code") ? element : null;
    }
}
