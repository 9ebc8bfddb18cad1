package io.playbooks.conversion;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plain text of storage-format content as a reader sees it: macro parameters (but a status's title and a Jira
 * issue's key), task ids and code bodies left out, page links shown by their title, mentions as "@name", whitespace
 * (including no-break spaces) collapsed.
 */
final class PlainText {

    private static final Set<String> HIDDEN = Set.of("ac:parameter", "ac:plain-text-body", "ac:task-id",
            "ac:task-uuid", "ac:task-status", "ac:image", "ac:emoticon", "ac:placeholder", "ri:user",
            "ac:default-parameter");
    /** Macros that show one of their parameters as text: a status lozenge its title, a Jira issue its key. */
    private static final Map<String, String> SHOWN_PARAMETERS = Map.of("status", "title", "jira", "key");
    /** Macros that stand for another page's content: a reader sees that page, named by its title here. */
    private static final Set<String> INCLUDES = Set.of("include", "excerpt-include");
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "td", "th", "br", "h1", "h2", "h3",
            "h4", "h5", "h6", "ul", "ol", "table", "ac:task", "blockquote", "pre");

    private PlainText() {
    }

    /** Storage-format elements a reader does not see as text (macro parameters, code bodies, task ids...). */
    static boolean isHidden(String tag) {
        return HIDDEN.contains(tag);
    }

    /** Elements that separate words: their text never runs into the text around them. */
    static boolean isBlock(String tag) {
        return BLOCKS.contains(tag);
    }

    static String of(Node node) {
        StringBuilder text = new StringBuilder();
        append(node, text);
        return normalize(text);
    }

    /** The node's text a line each where paragraphs, blocks or line breaks part it; no empty lines. */
    static List<String> lines(Element element) {
        StringBuilder text = new StringBuilder();
        appendLines(element, text);
        List<String> lines = new ArrayList<>();
        for (String line : text.toString().split("\n")) {
            String normalized = normalize(line);
            if (!normalized.isEmpty()) {
                lines.add(normalized);
            }
        }
        return lines;
    }

    private static void appendLines(Node node, StringBuilder text) {
        if (!(node instanceof Element element) || element.tagName().equals("ac:link") || Macros.isMacro(element)) {
            append(node, text);
            return;
        }
        if (element.tagName().equals("br")) {
            text.append('\n');
            return;
        }
        boolean block = isBlock(element.tagName());
        if (block) {
            text.append('\n');
        }
        for (Node child = element.firstChild(); child != null; child = child.nextSibling()) {
            appendLines(child, text);
        }
        if (block) {
            text.append('\n');
        }
    }

    /** Appends the raw text of a node; callers normalize once at the end. */
    static void append(Node node, StringBuilder text) {
        if (node instanceof TextNode textNode) {
            text.append(textNode.getWholeText());
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String tag = element.tagName();
        if (isHidden(tag)) {
            return;
        }
        if (tag.equals("ac:link")) {
            text.append(linkText(element));
            return;
        }
        if (tag.equals("time")) {
            text.append(element.attr("datetime"));
            return;
        }
        if (Macros.isMacro(element) && INCLUDES.contains(Macros.name(element))) {
            text.append(' ').append(includedTitle(element)).append(' ');
            return;
        }
        String shown = Macros.isMacro(element) ? SHOWN_PARAMETERS.get(Macros.name(element)) : null;
        if (shown != null) {
            String value = Macros.parameter(element, shown);
            text.append(value.isEmpty() ? Macros.defaultParameter(element) : value);
            return;
        }
        boolean block = isBlock(tag);
        if (block) {
            text.append(' ');
        }
        // walked in place: childNodes() copies the list at every element
        for (Node child = element.firstChild(); child != null; child = child.nextSibling()) {
            append(child, text);
        }
        if (block) {
            text.append(' ');
        }
    }

    /**
     * A link shows its own body, else the title of the page (or the attachment) it points to; a body that does not
     * name the page it links to keeps that title beside it ("the Nomad UI (Nomad UI access for payments)"), since
     * the title is what a reader looks the page up by.
     */
    static String linkText(Element link) {
        String target = target(link);
        for (Element child = link.firstElementChild(); child != null; child = child.nextElementSibling()) {
            String tag = child.tagName();
            if (tag.equals("ac:link-body") || tag.equals("ac:plain-text-link-body")) {
                String body = of(child);
                if (!body.isEmpty()) {
                    return target.isEmpty() || body.contains(target) || !linksToAPage(link) ? body : body + " (" + target + ")";
                }
            }
        }
        return target;
    }

    /** The title of the page an include macro shows, from the link in its parameter: "" when it names none. */
    private static String includedTitle(Element macro) {
        List<Element> links = ElementsByTag.in(macro, "ac:link"::equals);
        if (!links.isEmpty()) {
            return linkText(links.get(0));
        }
        List<Element> pages = ElementsByTag.in(macro, "ri:page"::equals);
        return pages.isEmpty() ? "" : pages.get(0).attr("ri:content-title");
    }

    private static boolean linksToAPage(Element link) {
        for (Element child = link.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.tagName().equals("ri:page") || child.tagName().equals("ri:blog-post")) {
                return true;
            }
        }
        return false;
    }

    /** The title of the page, the file name of the attachment or the address the link points to, else "". */
    private static String target(Element link) {
        for (Element child = link.firstElementChild(); child != null; child = child.nextElementSibling()) {
            switch (child.tagName()) {
                case "ri:page", "ri:blog-post" -> {
                    return child.attr("ri:content-title");
                }
                case "ri:attachment" -> {
                    return child.attr("ri:filename");
                }
                case "ri:url" -> {
                    return child.attr("ri:value");
                }
                case "ri:user" -> {
                    return mention(child);
                }
                default -> {
                }
            }
        }
        return "";
    }

    /**
     * A mention, as "@name" where Data Center stores the user name, else "@user": Cloud stores only an opaque account
     * id, which would read as noise in a step's name; either is better than a sentence with a hole ("Ask  to approve").
     */
    private static String mention(Element user) {
        String name = user.attr("ri:username");
        return name.isBlank() ? "@user" : "@" + name.strip();
    }

    /** ASCII blanks and controls, the no-break space and the other Unicode spaces. */
    static boolean isSpace(char c) {
        return c <= ' ' || c == '\u00a0' || (c >= '\u1680' && (Character.isWhitespace(c) || Character.isSpaceChar(c)));
    }

    static String normalize(CharSequence raw) {
        return normalize(raw, raw.length());
    }

    /** The first {@code end} characters with runs of whitespace made one space, none at either end. */
    static String normalize(CharSequence raw, int end) {
        char[] out = new char[end];
        int length = 0;
        boolean space = false;
        for (int i = 0; i < end; i++) {
            char c = raw.charAt(i);
            if (isSpace(c)) {
                space = length > 0;
            } else {
                if (space) {
                    out[length++] = ' ';
                    space = false;
                }
                out[length++] = c;
            }
        }
        return new String(out, 0, length);
    }
}
