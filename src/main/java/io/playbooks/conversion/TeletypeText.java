package io.playbooks.conversion;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Teletype text ({@code <tt>}), which old editors and wiki migrations (TWiki, MediaWiki, Confluence 3's wiki markup)
 * left where the editor now writes {@code <code>}: the same inline code to every reader, a command or a value.
 */
final class TeletypeText {

    private static final String TELETYPE = "tt";

    private TeletypeText() {
    }

    /** @param body the storage body the document was parsed from: most pages hold no teletype text, and skip the walk */
    static void rewrite(Document document, String body) {
        if (!body.contains("<" + TELETYPE)) {
            return;
        }
        for (Element teletype : ElementsByTag.in(document, TELETYPE::equals)) {
            teletype.tagName("code");
        }
    }
}
