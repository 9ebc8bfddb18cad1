package io.playbooks.confluence;

import io.playbooks.page.Attachment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * v1 CQL searches ({@code /rest/api/content/search}), which Cloud and Data Center both serve: one paged query per
 * space answers what would otherwise take one call per page (changes since a date, labels, attachments).
 */
final class CqlSearch {

    /** Values per {@code title in (...)}: a few dozen keep the URL well under the 8 KB servers accept. */
    static final int TITLES_PER_QUERY = 40;
    private static final int MAX_IN_LIST_CHARS = 3000;

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

    /**
     * Which of {@code titles} name a current page of the space, as Confluence spells them; one query per
     * {@value #TITLES_PER_QUERY} titles.
     */
    Set<String> pageTitles(String spaceKey, Collection<String> titles) {
        Set<String> found = new HashSet<>();
        for (String in : inLists(titles)) {
            search(inSpace(spaceKey) + " and type=page and title in (" + in + ")", "space")
                    .forEachRemaining(c -> found.add(c.path("title").asText()));
        }
        return found;
    }

    /** The attachments of the space named one of {@code fileNames}, with the page holding each. */
    List<NamedAttachment> attachmentsNamed(String spaceKey, Collection<String> fileNames) {
        List<NamedAttachment> found = new ArrayList<>();
        for (String in : inLists(fileNames)) {
            search(inSpace(spaceKey) + " and type=attachment and title in (" + in + ")", "container")
                    .forEachRemaining(a -> found.add(new NamedAttachment(ContentJson.v1Container(a),
                            a.path("container").path("title").asText(""), a.path("title").asText())));
        }
        return found;
    }

    /** The quoted values, cut into the lists of as few {@code in (...)} clauses as the limits allow. */
    private static List<String> inLists(Collection<String> values) {
        List<String> lists = new ArrayList<>();
        StringJoiner current = new StringJoiner(",");
        int count = 0;
        for (String value : new LinkedHashSet<>(values)) {
            String quoted = quote(value);
            if (count == TITLES_PER_QUERY || count > 0 && current.length() + quoted.length() >= MAX_IN_LIST_CHARS) {
                lists.add(current.toString());
                current = new StringJoiner(",");
                count = 0;
            }
            current.add(quoted);
            count++;
        }
        if (count > 0) {
            lists.add(current.toString());
        }
        return lists;
    }

    private static String inSpace(String spaceKey) {
        return "space=" + quote(spaceKey);
    }

    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
