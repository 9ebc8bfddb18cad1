package io.playbooks.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.page.Attachment;
import io.playbooks.page.SourcePage;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Data Center: REST v1 only. The content listing carries bodies, versions and labels
 * ({@code expand=body.storage,version,metadata.labels}); attachment metadata comes from one paged CQL query per space.
 */
final class DataCenterApi implements SiteApi {

    private static final String PAGE_EXPAND = "body.storage,version,metadata.labels,space";

    private final ConfluenceHttp http;
    private final SiteUrls urls;
    private final ContentJson json;
    private final CqlSearch cql;
    private final int pageSize;
    private final Executor readAhead;

    DataCenterApi(ConfluenceHttp http, SiteUrls urls, CqlSearch cql, int pageSize, Executor readAhead) {
        this.http = http;
        this.urls = urls;
        this.json = new ContentJson(urls);
        this.cql = cql;
        this.pageSize = pageSize;
        this.readAhead = readAhead;
    }

    @Override
    public Deployment deployment() {
        return Deployment.DATA_CENTER;
    }

    @Override
    public void ping() {
        http.json(urls.api("/rest/api/space", "limit", 1));
    }

    @Override
    public SpaceInfo space(String key) {
        URI uri = urls.api("/rest/api/space/" + SiteUrls.encode(key));
        JsonNode s = http.get(uri).map(reply -> http.parse(uri, reply)).orElseThrow(() -> new UnknownSpaceException(key, urls.base()));
        return new SpaceInfo(s.path("id").asText(), s.path("key").asText(key), s.path("name").asText(key),
                urls.absolute(s.path("_links").path("webui").asText("/display/" + key)));
    }

    /**
     * Always from the start, even to resume from {@code from}: this listing pages by offset, and an offset shifts when
     * pages before it are deleted, so a resume from it would skip pages. The caller skips the pages it did.
     */
    @Override
    public PageListing pages(SpaceInfo space, URI from) {
        Map<String, List<Attachment>> attachments = cql.attachmentsByPage(space.key());
        URI first = urls.api("/rest/api/content", "spaceKey", space.key(),
                "type", "page", "expand", PAGE_EXPAND, "start", 0, "limit", pageSize);
        return new ListedPages(PagedResults.readingAhead(http, urls, first, readAhead),
                c -> json.v1Page(c, space.key(), attachments.getOrDefault(c.path("id").asText(), List.of())));
    }

    @Override
    public Optional<SourcePage> page(String pageId) {
        URI uri = urls.api("/rest/api/content/" + SiteUrls.encode(pageId), "expand", PAGE_EXPAND);
        return http.get(uri).map(reply -> http.parse(uri, reply)).map(c -> json.v1Page(c, "", attachmentsOf(pageId)));
    }

    @Override
    public Optional<PageRef> pageRef(String pageId) {
        URI uri = urls.api("/rest/api/content/" + SiteUrls.encode(pageId), "status", "any", "expand", "version,space");
        return http.get(uri).map(reply -> http.parse(uri, reply)).map(c -> json.v1Ref(c, ""));
    }

    @Override
    public List<PageRef> pageRefs(SpaceInfo space) {
        List<PageRef> out = new ArrayList<>();
        new PagedResults(http, urls, urls.api("/rest/api/content", "spaceKey", space.key(), "type", "page",
                "expand", "version", "start", 0, "limit", pageSize))
                .forEachRemaining(c -> out.add(json.v1Ref(c, space.key())));
        return out;
    }

    private List<Attachment> attachmentsOf(String pageId) {
        List<Attachment> out = new ArrayList<>();
        new PagedResults(http, urls, urls.api("/rest/api/content/" + SiteUrls.encode(pageId) + "/child/attachment",
                "expand", "version,metadata", "start", 0, "limit", pageSize))
                .forEachRemaining(a -> out.add(json.v1Attachment(a)));
        return out;
    }
}
