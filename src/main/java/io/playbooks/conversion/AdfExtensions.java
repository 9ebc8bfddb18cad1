package io.playbooks.conversion;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Nodes of Confluence Cloud's editor that storage format has no macro for ({@code ac:adf-extension}: the note, error,
 * success and custom panels, decision lists) rewritten as the storage format the readers know. A panel becomes the
 * panel macro of its kind, holding the node's content; any other node becomes its {@code ac:adf-fallback}, the HTML
 * Confluence writes beside it for readers that do not know the node. Read as they stand, the panel type ("error"),
 * its icon id and the fallback's copy of the text all ended up in the step text.
 */
final class AdfExtensions {

    private static final String EXTENSION = "ac:adf-extension";
    /** Panel types of the editor and the macro that reads the same: error and success have no macro of their own. */
    private static final Map<String, String> PANEL_MACROS = Map.of("info", "info", "note", "note", "tip", "tip",
            "success", "tip", "warning", "warning", "error", "warning");
    /** A custom panel (a colour and an emoji) says nothing of its kind: a plain panel, whose content stands in the page. */
    private static final String PLAIN_PANEL = "panel";

    private AdfExtensions() {
    }

    /** @param body the storage body the document was parsed from: most pages hold no extension, and skip the walk */
    static void rewrite(Document document, String body) {
        if (!body.contains("<" + EXTENSION)) {
            return;
        }
        // innermost first: a panel inside a panel is rewritten before its parent moves it
        List<Element> extensions = ElementsByTag.in(document, EXTENSION::equals);
        for (int i = extensions.size() - 1; i >= 0; i--) {
            rewriteOne(extensions.get(i));
        }
    }

    private static void rewriteOne(Element extension) {
        Element node = child(extension, "ac:adf-node");
        Element content = node == null ? null : child(node, "ac:adf-content");
        if (node != null && content != null && node.attr("type").equals("panel")) {
            Element macro = extension.ownerDocument().createElement("ac:structured-macro")
                    .attr("ac:name", PANEL_MACROS.getOrDefault(attribute(node, "panel-type"), PLAIN_PANEL));
            Element body = macro.appendElement("ac:rich-text-body");
            body.appendChildren(content.childNodes());
            extension.replaceWith(macro);
            return;
        }
        Element fallback = child(extension, "ac:adf-fallback");
        Element shown = fallback != null ? fallback : content;
        if (shown == null) {
            extension.remove();
            return;
        }
        extension.parent().insertChildren(extension.siblingIndex(), shown.childNodes());
        extension.remove();
    }

    private static Element child(Element parent, String tag) {
        for (Element child = parent.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.tagName().equals(tag)) {
                return child;
            }
        }
        return null;
    }

    /** The text of the node's {@code ac:adf-attribute} of that key, or "". */
    private static String attribute(Element node, String key) {
        for (Element child = node.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.tagName().equals("ac:adf-attribute") && child.attr("key").equals(key)) {
                return child.text().trim().toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }
}
