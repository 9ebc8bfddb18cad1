package io.playbooks.conversion;

import org.jsoup.nodes.Element;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines that head many pages before their prose: fields ("Owner: Platform team", "Last reviewed: 2024-05-02",
 * one per paragraph, over line breaks, or "Owner: X · Jira: Y" on one line; "<b>Owner</b> Platform security") and
 * lines of status lozenges, Jira issues and people. None of them is the page's description, its first prose.
 */
final class PageFieldLines {

    /** Between fields on one line: "Owner: X · Last reviewed: Y", "Owner: X | Jira: Y". */
    private static final Pattern FIELD_SEPARATORS = Pattern.compile(" [\u00b7|\u2022] ");
    /** The most words of a page's field line and of its name. */
    private static final int MOST_FIELD_WORDS = 8;
    private static final int MOST_FIELD_NAME_WORDS = 3;

    private PageFieldLines() {
    }

    /** Whether the paragraph (whose plain text is {@code text}, not empty) holds such lines rather than prose. */
    static boolean holds(Element paragraph, String text) {
        return isAStatusLine(paragraph, text) || isAllFields(paragraph);
    }

    /**
     * "Status: IN PROGRESS · Tracking: SEC-2207 · Owner: @user": a line of status lozenges, Jira issues or people (a
     * sentence that names someone ends as sentences do).
     */
    private static boolean isAStatusLine(Element paragraph, String text) {
        char last = text.charAt(text.length() - 1);
        if (last == '.' || last == '!' || last == '?') {
            return false;
        }
        for (Element element : ElementsByTag.in(paragraph, tag -> tag.equals("ac:structured-macro") || tag.equals("ri:user"))) {
            String macro = Macros.name(element);
            if (element.tagName().equals("ri:user") || "status".equals(macro) || "jira".equals(macro)) {
                return true;
            }
        }
        return false;
    }

    /** Every line one or more fields, or a short paragraph that opens with a bold name. */
    private static boolean isAllFields(Element paragraph) {
        List<String> lines = PlainText.lines(paragraph);
        if (lines.isEmpty()) {
            return false;
        }
        if (lines.stream().allMatch(PageFieldLines::isALineOfFields)) {
            return true;
        }
        String text = String.join(" ", lines);
        return opensWithABoldName(paragraph) && !text.endsWith(".")
                && CommandRecognizer.words(text).size() <= MOST_FIELD_WORDS;
    }

    private static boolean isALineOfFields(String line) {
        for (String field : FIELD_SEPARATORS.split(line)) {
            if (!isAField(field.strip())) {
                return false;
            }
        }
        return true;
    }

    private static boolean opensWithABoldName(Element paragraph) {
        Element first = paragraph.firstElementChild();
        if (first == null || !(first.tagName().equals("strong") || first.tagName().equals("b"))
                || paragraph.childNodeSize() == 0 || paragraph.childNode(0) != first) {
            return false;
        }
        String name = PlainText.of(first);
        return !name.isEmpty() && CommandRecognizer.words(name).size() <= MOST_FIELD_NAME_WORDS;
    }

    /** "Owner: Platform team": a short name, a colon, a short value, and no full stop. */
    private static boolean isAField(String text) {
        int colon = text.indexOf(": ");
        if (colon <= 0 || text.endsWith(".")) {
            return false;
        }
        return CommandRecognizer.words(text.substring(0, colon)).size() <= MOST_FIELD_NAME_WORDS
                && CommandRecognizer.words(text).size() <= MOST_FIELD_WORDS;
    }
}
