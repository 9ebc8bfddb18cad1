package io.playbooks.conversion;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The elements of a subtree whose normal (lower-case) tag name passes a test, in document order, the root
 * included: what {@code getElementsByTag} or a tag {@code select} give, as a plain walk over the child nodes.
 * jsoup's queries run a node iterator and a stream and build each element's child list; this walk runs over
 * whole pages on every conversion.
 */
final class ElementsByTag {

    private ElementsByTag() {
    }

    static List<Element> in(Element root, Predicate<String> tag) {
        List<Element> found = new ArrayList<>();
        collect(root, tag, found);
        return found;
    }

    private static void collect(Element element, Predicate<String> tag, List<Element> found) {
        if (tag.test(element.normalName())) {
            found.add(element);
        }
        for (int i = 0; i < element.childNodeSize(); i++) {
            Node child = element.childNode(i);
            if (child instanceof Element childElement) {
                collect(childElement, tag, found);
            }
        }
    }
}
