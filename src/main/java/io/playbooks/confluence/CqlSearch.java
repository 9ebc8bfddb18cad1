package io.playbooks.confluence;

import io.playbooks.page.Attachment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * v1 CQL searches ({@code /rest/api/content/search}), which Cloud and Data Center both serve: one paged query per
 * space answers what would otherwise take one call per page (changes since a date, labels, attachments).
 */
final class CqlSearch {

    private final ConfluenceHttp http;
    private final SiteUrls urls;
    private final ContentJson json;
    private final int pageSize;

    CqlSearch(ConfluenceHttp http, SiteUrls urls, ContentJson json, int pageSize) {
        this.http = http;
        this.urls = urls;
        this.json = json;
        this.pageSize = pageSize;
    }

    PagedResults search(String cql, String expand) {
        return new PagedResults(http, urls,
                urls.api("/rest/api/content/search", "cql", cql, "limit", pageSize, "expand", expand));
    }

    /** Pages of the space modified at or after the CQL date (written in the site's zone). */
    List<PageRef> changedSince(String spaceKey, String cqlDate) {
        List<PageRef> out = new ArrayList<>();
        search(inSpace(spaceKey) + " and type=page and lastmodified >= " + quote(cqlDate), "version")
                .forEachRemaining(c -> out.add(json.v1Ref(c, spaceKey)));
        return out;
    }

    /** Labels (all of them) of the pages of the space that carry at least one of {@code labels}, by page id. */
    Map<String, List<String>> labelsByPage(String spaceKey, List<String> labels) {
        String in = labels.stream().map(CqlSearch::quote).collect(Collectors.joining(","));
        Map<String, List<String>> out = new HashMap<>();
        search(inSpace(spaceKey) + " and type=page and label in (" + in + ")", "metadata.labels")
                .forEachRemaining(c -> out.put(c.path("id").asText(), ContentJson.v1Labels(c)));
        return out;
    }

    /** Metadata of every attachment in the space, by the id of the page holding it. */
    Map<String, List<Attachment>> attachmentsByPage(String spaceKey) {
        Map<String, List<Attachment>> out = new HashMap<>();
        search(inSpace(spaceKey) + " and type=attachment", "version,container,metadata")
                .forEachRemaining(a -> {
                    String page = ContentJson.v1Container(a);
                    if (!page.isEmpty()) {
                        out.computeIfAbsent(page, k -> new ArrayList<>()).add(json.v1Attachment(a));
                    }
                });
        return out;
    }

    private static String inSpace(String spaceKey) {
        return "space=" + quote(spaceKey);
    }

    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
