package io.playbooks.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.page.Attachment;
import io.playbooks.page.SourcePage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps the JSON of both APIs (v2 pages/attachments, v1 content) to the page model. */
final class ContentJson {

    private final SiteUrls urls;

    ContentJson(SiteUrls urls) {
        this.urls = urls;
    }

    /** A v2 page ({@code body.storage.value}, {@code version.createdAt}). */
    SourcePage v2Page(JsonNode p, String spaceKey, List<String> labels, List<Attachment> attachments) {
        return new SourcePage(p.path("id").asText(), spaceKey, p.path("title").asText(), labels,
                p.path("version").path("number").asInt(1), p.path("body").path("storage").path("value").asText(""),
                urls.absolute(p.path("_links").path("webui").asText(null)),
                instant(p.path("version").path("createdAt")), attachments);
    }

    PageRef v2Ref(JsonNode p, String spaceKey) {
        return new PageRef(p.path("id").asText(), spaceKey, p.path("title").asText(),
                p.path("version").path("number").asInt(1), p.path("status").asText("current"),
                instant(p.path("version").path("createdAt")));
    }

    /** Label names of a v2 page fetched with {@code include-labels=true}. */
    static List<String> v2Labels(JsonNode p) {
        return names(p.path("labels").path("results"));
    }

    /** A v1 content object ({@code body.storage.value}, {@code version.when}, {@code metadata.labels}). */
    SourcePage v1Page(JsonNode c, String spaceKey, List<Attachment> attachments) {
        String space = c.path("space").path("key").asText(spaceKey);
        return new SourcePage(c.path("id").asText(), space, c.path("title").asText(), v1Labels(c),
                c.path("version").path("number").asInt(1), c.path("body").path("storage").path("value").asText(""),
                urls.absolute(c.path("_links").path("webui").asText(null)),
                instant(c.path("version").path("when")), attachments);
    }

    PageRef v1Ref(JsonNode c, String spaceKey) {
        return new PageRef(c.path("id").asText(), c.path("space").path("key").asText(spaceKey),
                c.path("title").asText(), c.path("version").path("number").asInt(1),
                c.path("status").asText("current"), instant(c.path("version").path("when")));
    }

    static List<String> v1Labels(JsonNode c) {
        return names(c.path("metadata").path("labels").path("results"));
    }

    /** A v1 attachment ({@code metadata.mediaType} / {@code extensions.mediaType}, {@code _links.download}). */
    Attachment v1Attachment(JsonNode a) {
        String mediaType = a.path("metadata").path("mediaType").asText(
                a.path("extensions").path("mediaType").asText(""));
        return new Attachment(a.path("id").asText(), a.path("title").asText(), mediaType,
                a.path("version").path("number").asInt(1),
                urls.absolute(a.path("_links").path("download").asText(null)));
    }

    /** The page an attachment found by CQL belongs to ({@code expand=container}). */
    static String v1Container(JsonNode a) {
        return a.path("container").path("id").asText("");
    }

    Attachment v2Attachment(JsonNode a) {
        return new Attachment(a.path("id").asText(), a.path("title").asText(), a.path("mediaType").asText(""),
                a.path("version").path("number").asInt(1), urls.absolute(a.path("downloadLink").asText(null)));
    }

    private static List<String> names(JsonNode results) {
        List<String> out = new ArrayList<>();
        results.forEach(l -> {
            String name = l.path("name").asText("");
            if (!name.isEmpty()) {
                out.add(name.toLowerCase(Locale.ROOT));
            }
        });
        return out;
    }

    static Instant instant(JsonNode n) {
        if (!n.isTextual() || n.asText().isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(n.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
