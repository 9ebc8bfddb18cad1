package io.playbooks.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.page.Attachment;
import io.playbooks.page.SourcePage;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Cloud: REST v2 lists spaces and pages (bodies included, cursor paging); the labels that detection needs and the
 * attachment metadata come from one paged v1 CQL query each per space, since v2 has neither per space.
 */
final class CloudApi implements SiteApi {

    private final ConfluenceHttp http;
    private final SiteUrls urls;
    private final ContentJson json;
    private final CqlSearch cql;
    private final int pageSize;
    private final List<String> detectionLabels;
    private final Executor readAhead;
    private final Map<String, String> spaceKeysById = new ConcurrentHashMap<>();

    CloudApi(ConfluenceHttp http, SiteUrls urls, CqlSearch cql, int pageSize, List<String> detectionLabels,
             Executor readAhead) {
        this.http = http;
        this.urls = urls;
        this.json = new ContentJson(urls);
        this.cql = cql;
        this.pageSize = pageSize;
        this.detectionLabels = detectionLabels;
        this.readAhead = readAhead;
    }

    @Override
    public Deployment deployment() {
        return Deployment.CLOUD;
    }

    @Override
    public void ping() {
        http.json(urls.api("/api/v2/spaces", "limit", 1));
    }

    @Override
    public SpaceInfo space(String key) {
        JsonNode results = http.json(urls.api("/api/v2/spaces", "keys", key)).path("results");
        for (JsonNode s : results) {
            if (key.equals(s.path("key").asText())) {
                SpaceInfo info = new SpaceInfo(s.path("id").asText(), key, s.path("name").asText(key),
                        urls.absolute(s.path("_links").path("webui").asText("/spaces/" + key)));
                spaceKeysById.put(info.id(), key);
                return info;
            }
        }
        throw new UnknownSpaceException(key, urls.base());
    }

    @Override
    public PageListing pages(SpaceInfo space, URI from) {
        // two independent paged queries, side by side: a space rich in images has a long attachment query too
        CallAhead<Map<String, List<Attachment>>> attachmentQuery =
                CallAhead.start(() -> cql.attachmentsByPage(space.key()), readAhead);
        Map<String, List<String>> labels = cql.labelsByPage(space.key(), detectionLabels);
        Map<String, List<Attachment>> attachments = attachmentQuery.get();
        URI first = from != null ? from : urls.api("/api/v2/spaces/" + space.id() + "/pages",
                "body-format", "storage", "status", "current", "limit", pageSize);
        return new ListedPages(PagedResults.readingAhead(http, urls, first, readAhead), p -> {
            String id = p.path("id").asText();
            return json.v2Page(p, space.key(), labels.getOrDefault(id, List.of()), attachments.getOrDefault(id, List.of()));
        });
    }

    @Override
    public Optional<SourcePage> page(String pageId) {
        URI uri = urls.api("/api/v2/pages/" + SiteUrls.encode(pageId), "body-format", "storage",
                "include-labels", true);
        return http.get(uri).map(reply -> http.parse(uri, reply)).map(p -> json.v2Page(p, spaceKey(p.path("spaceId").asText()), ContentJson.v2Labels(p),
                        attachmentsOf(pageId)));
    }

    @Override
    public Optional<PageRef> pageRef(String pageId) {
        URI uri = urls.api("/api/v2/pages/" + SiteUrls.encode(pageId), "status", "current", "status", "archived",
                "status", "trashed");
        return http.get(uri).map(reply -> http.parse(uri, reply)).map(p -> json.v2Ref(p, spaceKey(p.path("spaceId").asText())));
    }

    @Override
    public List<PageRef> pageRefs(SpaceInfo space) {
        List<PageRef> out = new ArrayList<>();
        new PagedResults(http, urls, urls.api("/api/v2/spaces/" + space.id() + "/pages", "status", "current",
                "limit", pageSize)).forEachRemaining(p -> out.add(json.v2Ref(p, space.key())));
        return out;
    }

    private List<Attachment> attachmentsOf(String pageId) {
        List<Attachment> out = new ArrayList<>();
        new PagedResults(http, urls, urls.api("/api/v2/pages/" + SiteUrls.encode(pageId) + "/attachments",
                "limit", pageSize)).forEachRemaining(a -> out.add(json.v2Attachment(a)));
        return out;
    }

    private String spaceKey(String spaceId) {
        return spaceKeysById.computeIfAbsent(spaceId, id ->
                http.json(urls.api("/api/v2/spaces/" + SiteUrls.encode(id))).path("key").asText(""));
    }
}
