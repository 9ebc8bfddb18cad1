package io.playbooks.conversion;

import org.jsoup.nodes.Element;

import java.util.Locale;
import java.util.Set;

/**
 * Reading Confluence macros ({@code ac:structured-macro}, and the older {@code ac:macro}) of storage format. Child
 * elements are walked as siblings here and in the other readers: jsoup builds {@code children()} with a stream.
 */
final class Macros {

    /** Macros whose rich body counts as if it stood in the page directly. */
    private static final Set<String> TRANSPARENT = Set.of("expand", "panel", "details", "section", "column",
            "div", "ui-expand", "ui-tabs", "ui-tab", "excerpt", "multiexcerpt", "page-properties", "localtab",
            "localtabgroup", "center", "span");
    private static final Set<String> NOTES = Set.of("info", "tip", "note");
    private static final Set<String> WARNINGS = Set.of("warning");
    private static final Set<String> CODE = Set.of("code", "noformat");

    private Macros() {
    }

    static boolean isMacro(Element element) {
        return isMacroTag(element.tagName());
    }

    static boolean isMacroTag(String tag) {
        return tag.equals("ac:structured-macro") || tag.equals("ac:macro");
    }

    /** The macro name in lower case, or "" for an element that is not a macro. */
    static String name(Element element) {
        return isMacro(element) ? element.attr("ac:name").toLowerCase(Locale.ROOT) : "";
    }

    /** @param macroName what {@link #name} gives, read once per macro (it lower-cases an attribute) */
    static boolean isCode(String macroName) {
        return CODE.contains(macroName);
    }

    /**
     * A container macro: one of those known to hold page content, or any other macro with a rich body except the
     * panels (notes and warnings): an add-on's step or card macro holds the page's content too.
     */
    static boolean isTransparent(Element element) {
        String name = name(element);
        if (TRANSPARENT.contains(name)) {
            return true;
        }
        return isMacro(element) && !isNote(name) && !isWarning(name) && !isCode(name) && richBody(element) != null;
    }

    static boolean isNote(String macroName) {
        return NOTES.contains(macroName);
    }

    static boolean isWarning(String macroName) {
        return WARNINGS.contains(macroName);
    }

    /** The value of a macro parameter, or "" when absent. */
    static String parameter(Element macro, String parameterName) {
        for (Element child = macro.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.tagName().equals("ac:parameter") && child.attr("ac:name").equalsIgnoreCase(parameterName)) {
                return child.text().trim();
            }
        }
        return "";
    }

    /**
     * The unnamed parameter of a macro, or "": {@code ac:default-parameter} of the old form, {@code ac:parameter}
     * without a name of the new one ({code:xml} and {jira:OPS-1} of wiki markup become these).
     */
    static String defaultParameter(Element macro) {
        for (Element child = macro.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.tagName().equals("ac:default-parameter")
                    || child.tagName().equals("ac:parameter") && child.attr("ac:name").isEmpty()) {
                return child.text().trim();
            }
        }
        return "";
    }

    /** The rich-text body of a macro, or null. */
    static Element richBody(Element macro) {
        for (Element child = macro.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.tagName().equals("ac:rich-text-body")) {
                return child;
            }
        }
        return null;
    }

    /** The plain-text body (the CDATA of a code macro) exactly as written, or "". */
    static String plainBody(Element macro) {
        for (Element child = macro.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.tagName().equals("ac:plain-text-body")) {
                return withXmlLineEnds(child.wholeText());
            }
        }
        return "";
    }

    /**
     * The text with CR LF and lone CR as LF, as an XML processor reads every line end (XML 1.0, 2.11) and jsoup does
     * not: a command continued with a backslash before CR LF stays one command.
     */
    static String withXmlLineEnds(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
