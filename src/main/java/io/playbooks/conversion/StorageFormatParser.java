package io.playbooks.conversion;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Parses a storage-format body (XHTML with ac:/ri: elements) with jsoup's XML parser, which keeps the CDATA of
 * code macros byte for byte and decodes the HTML entities (&amp;nbsp; &amp;ndash; ...) that storage format uses.
 * The Cloud editor's extension nodes come out as the macros the readers know ({@link AdfExtensions}), old editors'
 * teletype text as inline code ({@link TeletypeText}).
 */
public final class StorageFormatParser {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * @throws IllFormedPageException when the body is not well-formed XML, with a one-line reason
     */
    public Document parse(String storageBody) {
        String body = storageBody.isEmpty() || storageBody.charAt(0) != BYTE_ORDER_MARK ? storageBody : storageBody.substring(1);
        WellFormednessCheck.problemIn(body).ifPresent(problem -> {
            throw new IllFormedPageException(problem);
        });
        Document document = Jsoup.parse(body, "", Parser.xmlParser());
        AdfExtensions.rewrite(document, body);
        TeletypeText.rewrite(document, body);
        return document;
    }
}
