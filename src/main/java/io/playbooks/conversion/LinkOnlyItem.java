package io.playbooks.conversion;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.List;
import java.util.Set;

/**
 * A list item that only links to another page ("Refund a card payment" pointing at that runbook), maybe with a few
 * words after a dash or colon that say what the page is for ("Payments queue backing up – PaymentsQueueDepthHigh"):
 * the items of an index of pages, which are no steps of a procedure of their own however imperative their titles read.
 */
final class LinkOnlyItem {

    private LinkOnlyItem() {
    }

    /** The most words of what an index says about a link after it. */
    private static final int MOST_ANNOTATION_WORDS = 8;
    private static final Set<String> TEXT_TAGS = Set.of("span", "strong", "em", "b", "i", "u");

    static boolean is(List<? extends Node> content) {
        boolean linked = false;
        for (int i = 0; i < content.size(); i++) {
            switch (kind(content.get(i))) {
                case LINK -> linked = true;
                case OTHER -> {
                    return linked && isAnnotation(content.subList(i, content.size()));
                }
                case BLANK -> {
                }
            }
        }
        return linked;
    }

    /** Plain text after a link that starts with a dash or colon and says in a few words what the page is for. */
    private static boolean isAnnotation(List<? extends Node> rest) {
        StringBuilder text = new StringBuilder();
        for (Node node : rest) {
            if (node instanceof TextNode words) {
                text.append(words.getWholeText());
            } else if (node instanceof Element element && TEXT_TAGS.contains(element.tagName())
                    && element.childrenSize() == 0) {
                text.append(element.text());
            } else if (kind(node) != Kind.BLANK) {
                return false;
            }
        }
        String annotation = text.toString().strip();
        return !annotation.isEmpty() && "–—-:".indexOf(annotation.charAt(0)) >= 0
                && CommandRecognizer.words(annotation.substring(1).strip()).size() <= MOST_ANNOTATION_WORDS;
    }

    private enum Kind { LINK, BLANK, OTHER }

    /** Blanks and punctuation between links ("A, B \u2013 C"): no words of the item's own. */
    private static boolean onlySeparators(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static Kind kind(Node node) {
        if (node instanceof TextNode text) {
            return onlySeparators(text.getWholeText()) ? Kind.BLANK : Kind.OTHER;
        }
        if (!(node instanceof Element element)) {
            return Kind.BLANK;
        }
        String tag = element.tagName();
        if (tag.equals("ac:link") || tag.equals("a")) {
            return Kind.LINK;
        }
        if (tag.equals("p") || tag.equals("span") || tag.equals("strong") || tag.equals("em") || tag.equals("b")) {
            boolean linked = false;
            for (Node child = element.firstChild(); child != null; child = child.nextSibling()) {
                Kind inner = kind(child);
                if (inner == Kind.OTHER) {
                    return Kind.OTHER;
                }
                linked |= inner == Kind.LINK;
            }
            return linked ? Kind.LINK : Kind.BLANK;
        }
        return tag.equals("br") ? Kind.BLANK : Kind.OTHER;
    }
}
