package io.playbooks.conversion;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A first heading that repeats the page's title, as wiki migrations and old templates leave at the top: it is the
 * title, which names the playbook, not a heading over the page. Read as a heading it opened a section of the kind its
 * words name, so "Roll back a failed deployment" put every step of the page into the rollback.
 */
final class TitleHeading {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TitleHeading() {
    }

    static void remove(Element page, String title) {
        Element heading = firstHeading(page);
        if (heading != null && title != null && comparable(PlainText.of(heading)).equals(comparable(title))) {
            heading.remove();
        }
    }

    /** The first heading in document order, else null; the walk ends there, which is near the top of most pages. */
    private static Element firstHeading(Element element) {
        if (SectionSplitter.headingLevel(element) > 0) {
            return element;
        }
        for (int i = 0; i < element.childNodeSize(); i++) {
            Node child = element.childNode(i);
            if (child instanceof Element childElement) {
                Element found = firstHeading(childElement);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String comparable(String text) {
        String words = SPACES.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
        return words.endsWith(":") || words.endsWith(".") ? words.substring(0, words.length() - 1).strip() : words;
    }
}
