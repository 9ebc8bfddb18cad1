package io.playbooks.conversion;

import java.util.Arrays;
import java.util.Optional;

/**
 * Checks that a storage-format body is well-formed XML (balanced tags, quoted attributes, closed CDATA and
 * comments). jsoup's XML parser repairs anything silently, so without this check a truncated or broken page
 * would be converted into something it does not say. One pass over the characters, no tree; names are kept as
 * offsets into the text (a substring only for a message), since this runs over every tag of every page.
 */
final class WellFormednessCheck {

    /** Deeper nesting is no real page; refusing it keeps the recursive readers of the tree within their stack. */
    static final int MAX_DEPTH = 1000;

    private final String xml;
    /** Start and end offsets of the names of the open elements, innermost last. */
    private int[] openNames = new int[32];
    private int openCount;
    private int pos;
    private int nameStart;

    private WellFormednessCheck(String xml) {
        this.xml = xml;
    }

    /** @return empty when well-formed, else a one-line reason with line and column */
    static Optional<String> problemIn(String xml) {
        return new WellFormednessCheck(xml).scan();
    }

    private Optional<String> scan() {
        int length = xml.length();
        while (pos < length) {
            int lt = xml.indexOf('<', pos);
            if (lt < 0) {
                break;
            }
            pos = lt;
            String problem = markup();
            if (problem != null) {
                return Optional.of(at(lt, problem));
            }
        }
        if (openCount > 0) {
            return Optional.of("element <" + innermost() + "> is never closed (the page ends first)");
        }
        return Optional.empty();
    }

    /** Reads the markup at {@code pos} (which holds '<') and moves past it; returns a problem or null. */
    private String markup() {
        char next = pos + 1 < xml.length() ? xml.charAt(pos + 1) : 0;
        if (next != '!' && next != '?' && next != '/') {
            return startTag();
        }
        if (xml.startsWith("<!--", pos)) {
            return skipPast("-->", "comment is never closed");
        }
        if (xml.startsWith("<![CDATA[", pos)) {
            return skipPast("]]>", "CDATA section is never closed");
        }
        if (xml.startsWith("<?", pos)) {
            return skipPast("?>", "processing instruction is never closed");
        }
        if (xml.startsWith("<!", pos)) {
            return skipPast(">", "declaration is never closed");
        }
        if (xml.startsWith("</", pos)) {
            return endTag();
        }
        return startTag();
    }

    private String skipPast(String terminator, String problem) {
        int end = xml.indexOf(terminator, pos);
        if (end < 0) {
            return problem;
        }
        pos = end + terminator.length();
        return null;
    }

    private String endTag() {
        pos += 2;
        int start = name();
        int end = pos;
        if (end == start) {
            return "'</' is not followed by an element name";
        }
        skipSpace();
        if (pos >= xml.length() || xml.charAt(pos) != '>') {
            return "end tag </" + xml.substring(start, end) + " is not closed with '>'";
        }
        pos++;
        if (openCount == 0) {
            return "end tag </" + xml.substring(start, end) + "> has no matching start tag";
        }
        int openStart = openNames[2 * openCount - 2];
        int openEnd = openNames[2 * openCount - 1];
        if (openEnd - openStart != end - start || !xml.regionMatches(openStart, xml, start, end - start)) {
            return "end tag </" + xml.substring(start, end) + "> does not match the open element <" + innermost() + ">";
        }
        openCount--;
        return null;
    }

    private String startTag() {
        pos++;
        int start = name();
        int end = pos;
        if (end == start) {
            return "'<' is not followed by an element name (write &lt; for a literal '<')";
        }
        while (true) {
            skipSpace();
            if (pos >= xml.length()) {
                return "start tag <" + xml.substring(start, end) + " is not closed with '>'";
            }
            char c = xml.charAt(pos);
            if (c == '>') {
                pos++;
                return open(start, end);
            }
            if (c == '/' && xml.startsWith("/>", pos)) {
                pos += 2;
                return null;
            }
            String problem = attribute(start, end);
            if (problem != null) {
                return problem;
            }
        }
    }

    private String open(int start, int end) {
        if (openCount == MAX_DEPTH) {
            return "elements nested deeper than " + MAX_DEPTH + " levels";
        }
        if (2 * openCount + 2 > openNames.length) {
            openNames = Arrays.copyOf(openNames, 2 * openNames.length);
        }
        openNames[2 * openCount] = start;
        openNames[2 * openCount + 1] = end;
        openCount++;
        return null;
    }

    private String innermost() {
        return xml.substring(openNames[2 * openCount - 2], openNames[2 * openCount - 1]);
    }

    private String attribute(int elementStart, int elementEnd) {
        int start = name();
        int end = pos;
        if (end == start) {
            return "unexpected '" + xml.charAt(pos) + "' in start tag <" + xml.substring(elementStart, elementEnd)
                    + ">";
        }
        skipSpace();
        if (pos >= xml.length() || xml.charAt(pos) != '=') {
            return attributeProblem(start, end, elementStart, elementEnd, "has no value");
        }
        pos++;
        skipSpace();
        char quote = pos < xml.length() ? xml.charAt(pos) : 0;
        if (quote != '"' && quote != '\'') {
            return "value of " + attributeProblem(start, end, elementStart, elementEnd, "is not quoted");
        }
        int close = xml.indexOf(quote, pos + 1);
        if (close < 0) {
            return "value of " + attributeProblem(start, end, elementStart, elementEnd, "is never closed");
        }
        pos = close + 1;
        return null;
    }

    private String attributeProblem(int start, int end, int elementStart, int elementEnd, String problem) {
        return "attribute " + xml.substring(start, end) + " of <" + xml.substring(elementStart, elementEnd) + "> "
                + problem;
    }

    /** Moves past a name; returns where it started (equal to {@code pos} when there is none). */
    private int name() {
        int start = pos;
        while (pos < xml.length() && isNameChar(xml.charAt(pos), pos == start)) {
            pos++;
        }
        return start;
    }

    private static boolean isNameChar(char c, boolean first) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':') {
            return true;
        }
        if (c < 0x80) {
            // ASCII answered without Character's tables: names are nearly all ASCII, and this runs on every character of every tag
            return !first && ((c >= '0' && c <= '9') || c == '-' || c == '.');
        }
        return Character.isLetter(c) || (!first && Character.isDigit(c));
    }

    private void skipSpace() {
        while (pos < xml.length() && Character.isWhitespace(xml.charAt(pos))) {
            pos++;
        }
    }

    private String at(int offset, String problem) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (xml.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (offset - lineStart + 1) + ": " + problem;
    }
}
