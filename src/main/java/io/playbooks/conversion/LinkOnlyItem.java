package io.playbooks.conversion;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.List;

/**
 * A list item that only links to another page ("Refund a card payment" pointing at that runbook): the items of an
 * index of pages, which are no steps of a procedure of their own however imperative their titles read.
 */
final class LinkOnlyItem {

    private LinkOnlyItem() {
    }

    static boolean is(List<? extends Node> content) {
        boolean linked = false;
        for (Node node : content) {
            switch (kind(node)) {
                case LINK -> linked = true;
                case OTHER -> {
                    return false;
                }
                case BLANK -> {
                }
            }
        }
        return linked;
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
