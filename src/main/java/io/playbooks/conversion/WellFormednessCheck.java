package io.playbooks.conversion;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Checks that a storage-format body is well-formed XML (balanced tags, quoted attributes, closed CDATA and
 * comments). jsoup's XML parser repairs anything silently, so without this check a truncated or broken page
 * would be converted into something it does not say. One pass over the characters, no tree.
 */
final class WellFormednessCheck {

    /** Deeper nesting is no real page; refusing it keeps the recursive readers of the tree within their stack. */
    static final int MAX_DEPTH = 1000;

    private final String xml;
    private final Deque<String> open = new ArrayDeque<>();
    private int pos;

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
        if (!open.isEmpty()) {
            return Optional.of("element <" + open.peek() + "> is never closed (the page ends first)");
        }
        return Optional.empty();
    }

    /** Reads the markup at {@code pos} (which holds '<') and moves past it; returns a problem or null. */
    private String markup() {
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
        String name = name();
        if (name.isEmpty()) {
            return "'</' is not followed by an element name";
        }
        skipSpace();
        if (pos >= xml.length() || xml.charAt(pos) != '>') {
            return "end tag </" + name + " is not closed with '>'";
        }
        pos++;
        if (open.isEmpty()) {
            return "end tag </" + name + "> has no matching start tag";
        }
        if (!open.peek().equals(name)) {
            return "end tag </" + name + "> does not match the open element <" + open.peek() + ">";
        }
        open.pop();
        return null;
    }

    private String startTag() {
        pos++;
        String name = name();
        if (name.isEmpty()) {
            return "'<' is not followed by an element name (write &lt; for a literal '<')";
        }
        while (true) {
            skipSpace();
            if (pos >= xml.length()) {
                return "start tag <" + name + " is not closed with '>'";
            }
            char c = xml.charAt(pos);
            if (c == '>') {
                pos++;
                open.push(name);
                return open.size() > MAX_DEPTH ? "elements nested deeper than " + MAX_DEPTH + " levels" : null;
            }
            if (c == '/' && xml.startsWith("/>", pos)) {
                pos += 2;
                return null;
            }
            String problem = attribute(name);
            if (problem != null) {
                return problem;
            }
        }
    }

    private String attribute(String element) {
        String attribute = name();
        if (attribute.isEmpty()) {
            return "unexpected '" + xml.charAt(pos) + "' in start tag <" + element + ">";
        }
        skipSpace();
        if (pos >= xml.length() || xml.charAt(pos) != '=') {
            return "attribute " + attribute + " of <" + element + "> has no value";
        }
        pos++;
        skipSpace();
        char quote = pos < xml.length() ? xml.charAt(pos) : 0;
        if (quote != '"' && quote != '\'') {
            return "value of attribute " + attribute + " of <" + element + "> is not quoted";
        }
        int end = xml.indexOf(quote, pos + 1);
        if (end < 0) {
            return "value of attribute " + attribute + " of <" + element + "> is never closed";
        }
        pos = end + 1;
        return null;
    }

    private String name() {
        int start = pos;
        while (pos < xml.length() && isNameChar(xml.charAt(pos), pos == start)) {
            pos++;
        }
        return xml.substring(start, pos);
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
