package io.playbooks.conversion;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain tree walks that stand in for jsoup's tag queries must find what those queries find. */
class ElementsByTagTest {

    private static final String PAGE = "<table id=\"outer\"><tr><td><table id=\"inner\"/></td></tr></table>"
            + "<p><ac:link><ri:page ri:content-title=\"A\"/></ac:link><TABLE id=\"upper\"/></p>"
            + "<ri:attachment ri:filename=\"x.png\"><ri:page ri:content-title=\"B\"/></ri:attachment>";

    private static Document page() {
        return Jsoup.parse(PAGE, "", Parser.xmlParser());
    }

    @Test
    void findsWhatGetElementsByTagFindsInDocumentOrderNestedAndAnyCaseIncluded() {
        Document page = page();

        assertThat(ElementsByTag.in(page, "table"::equals)).containsExactlyElementsOf(page.getElementsByTag("table"))
                .extracting(table -> table.id()).containsExactly("outer", "inner", "upper");
    }

    @Test
    void findsWhatATagSelectorFinds() {
        Document page = page();

        List<Element> targets = ElementsByTag.in(page, tag -> tag.equals("ri:attachment") || tag.equals("ri:page"));

        assertThat(targets).containsExactlyElementsOf(page.select("ri|attachment, ri|page"));
        assertThat(targets).extracting(Element::tagName).containsExactly("ri:page", "ri:attachment", "ri:page");
    }

    @Test
    void theRootCountsWhenItsTagPasses() {
        Element table = page().getElementsByTag("table").first();

        assertThat(ElementsByTag.in(table, "table"::equals)).extracting(Element::id).containsExactly("outer", "inner");
    }
}
