package io.playbooks.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.page.Attachment;
import io.playbooks.page.SourcePage;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A Confluence site, Cloud or Data Center, over camel-http. Thread-safe; one instance per settings. Every call may
 * throw {@link ConfluenceException} (unreachable, 5xx after retries), {@link ConfluenceAuthException} (401/403) or
 * {@link UnknownSpaceException}; each names the URL and what to check.
 */
public class ConfluenceClient implements AutoCloseable {

    /**
     * Labels that page detection weighs, for and against. On Cloud the page listing carries no labels, so the client
     * learns these (and every other label of the pages carrying one) with one paged CQL query per space; pages with
     * none of them get no labels in {@link #pages(String)}. {@link #page(String)} always has all labels.
     */
    public static final List<String> DETECTION_LABELS = List.of(
            "runbook", "runbooks", "playbook", "procedure", "procedures", "how-to", "howto", "kb-how-to-article",
            "sop", "troubleshooting", "kb-troubleshooting-article", "checklist", "install", "deploy", "deployment",
            "upgrade", "restore", "rotation", "failover", "restart", "meeting-notes", "retrospective",
            "release-notes", "decision", "decision-log", "requirements", "architecture", "glossary", "reference",
            "contacts", "policy");

    private static final Logger LOG = LoggerFactory.getLogger(ConfluenceClient.class);

    private final ConfluenceSettings settings;
    private final SiteUrls urls;
    private final CamelHttpTransport transport;
    private final ConfluenceHttp http;
    private final CqlSearch cql;
    /**
     * Makes calls ahead of the caller: the next answer of a page listing while the caller works through the current
     * one, the attachment query beside the label query. A plain pool of this client's own, not one of Camel's: those
     * register metrics that outlive a client replaced by {@code POST /configure} or built for a connection test.
     */
    private final ExecutorService readAhead = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "confluence-listing-read-ahead");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, SpaceInfo> spaces = new ConcurrentHashMap<>();
    private volatile SiteApi api;
    private volatile ZoneId siteZone;

    public ConfluenceClient(CamelContext camel, ConfluenceSettings settings) {
        this(camel, settings, Sleeper.REAL, Clock.systemUTC());
    }

    /** With the waiting and the clock injected, so that tests of throttling run fast. */
    public ConfluenceClient(CamelContext camel, ConfluenceSettings settings, Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.urls = new SiteUrls(settings.url());
        this.transport = new CamelHttpTransport(camel, settings.connectTimeout(), settings.requestTimeout(),
                settings.maxConcurrency());
        this.http = new ConfluenceHttp(transport, settings, sleeper, clock, ThreadLocalRandom.current());
        this.cql = new CqlSearch(http, urls, new ContentJson(urls), settings.pageSize());
    }

    public ConfluenceSettings settings() {
        return settings;
    }

    /**
     * Cloud or Data Center: from the {@code deployment} setting, else decided at the first call: a host under
     * {@code atlassian.net} is Cloud; otherwise {@code GET /api/v2/spaces?limit=1} answering 200 means Cloud and 404
     * means Data Center.
     */
    public Deployment deployment() {
        return api().deployment();
    }

    /** Proves URL and credentials with one cheap call; throws with a message fit for the user otherwise. */
    public void testConnection() {
        api().ping();
    }

    /** The space; {@link UnknownSpaceException} when it does not exist or the account cannot see it. Cached. */
    public SpaceInfo space(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("space key is empty");
        }
        return spaces.computeIfAbsent(key.trim(), k -> api().space(k));
    }

    /**
     * Every current page of the space with body, version, labels (see {@link #DETECTION_LABELS}) and attachment
     * metadata. The space check and the label and attachment queries (side by side) run now, and so does the first
     * listing call; each next answer (up to {@code page_size} pages) is fetched while the caller works through the
     * one before it, so a streaming splitter holds two answers at most and does not wait for the listing between them.
     * Cost on Cloud: 1 space + ceil(N / page_size) listing calls + one paged CQL query each for labels and
     * attachments. On Data Center: 1 space + ceil(N / limit) listing calls + the attachment query.
     */
    public PageListing pages(String spaceKey) {
        return api().pages(space(spaceKey), null);
    }

    /**
     * The pages of the space from a {@link PageListing#position()} of an earlier listing on: what a bulk import that
     * was stopped resumes from; from the start when {@code position} is null or blank, and always on Data Center,
     * whose offsets shift when earlier pages are deleted (the bulk import skips the pages it did).
     */
    public PageListing pages(String spaceKey, String position) {
        URI from = position == null || position.isBlank() ? null : onSite(position, "listing position");
        return api().pages(space(spaceKey), from);
    }

    /** One page with body, version, all labels, space and attachment metadata; empty when there is no such page. */
    public Optional<SourcePage> page(String pageId) {
        return api().page(requireId(pageId));
    }

    /** A page's id, title, version, space and status (current, archived, trashed); empty when it is gone. */
    public Optional<PageRef> pageRef(String pageId) {
        return api().pageRef(requireId(pageId));
    }

    /** Id-only listing of the space's current pages: what a reconcile compares with the store. */
    public List<PageRef> pageRefs(String spaceKey) {
        return api().pageRefs(space(spaceKey));
    }

    /**
     * Pages of the space modified at or after {@code since} (CQL {@code lastmodified >=}, to the minute, written in
     * the {@link #siteTimeZone() site's zone}), paged. The caller subtracts its own overlap.
     */
    public List<PageRef> changedSince(String spaceKey, Instant since) {
        SpaceInfo space = space(spaceKey);
        return cql.changedSince(space.key(), SiteTimeZone.cqlDate(since, siteTimeZone()));
    }

    /** Attachment metadata of the whole space by page id: one paged CQL query, no content. */
    public Map<String, List<Attachment>> attachments(String spaceKey) {
        return cql.attachmentsByPage(space(spaceKey).key());
    }

    /**
     * Which of {@code titles} are current pages of the space (as Confluence spells them): CQL
     * {@code title in (...)}, one request per {@value CqlSearch#TITLES_PER_QUERY} titles, never one per title.
     */
    public Set<String> pageTitles(String spaceKey, Collection<String> titles) {
        return titles.isEmpty() ? Set.of() : cql.pageTitles(spaceKey, titles);
    }

    /** The attachments of the space with one of these file names and the page holding each, batched like titles. */
    public List<NamedAttachment> attachmentsNamed(String spaceKey, Collection<String> fileNames) {
        return fileNames.isEmpty() ? List.of() : cql.attachmentsNamed(spaceKey, fileNames);
    }

    /**
     * The content behind an {@link Attachment#downloadUrl()} of this site, fetched now.
     *
     * @param maxBytes the most bytes taken: a larger content is a {@link ContentTooLargeException}
     */
    public ReplyBody attachment(String downloadUrl, long maxBytes) {
        return http.download(onSite(downloadUrl, "attachment link"), maxBytes);
    }

    /** A link resolved against the site; refused when it points at another host, which must not get the credentials. */
    private URI onSite(String link, String what) {
        URI uri = urls.resolve(link);
        URI site = URI.create(urls.base());
        if (!site.getRawAuthority().equalsIgnoreCase(uri.getRawAuthority())) {
            throw new IllegalArgumentException(what + " " + link + " is not on the Confluence site "
                    + urls.base() + ": refusing to send the credentials elsewhere");
        }
        return uri;
    }

    /** The zone CQL dates are read in: the setting, else what the site says, else {@link SiteTimeZone#EARLIEST}. */
    public ZoneId siteTimeZone() {
        ZoneId zone = siteZone;
        if (zone == null) {
            zone = SiteTimeZone.parse(settings.siteTimeZone()).orElseGet(this::askSiteTimeZone);
            siteZone = zone;
        }
        return zone;
    }

    public ClientStats stats() {
        return http.stats();
    }

    @Override
    public void close() throws IOException {
        readAhead.shutdown();
        transport.close();
    }

    private SiteApi api() {
        SiteApi a = api;
        if (a == null) {
            synchronized (this) {
                if (api == null) {
                    Deployment d = settings.deployment().orElseGet(this::detect);
                    api = d == Deployment.CLOUD
                            ? new CloudApi(http, urls, cql, settings.pageSize(), DETECTION_LABELS, readAhead)
                            : new DataCenterApi(http, urls, cql, settings.pageSize(), readAhead);
                }
                a = api;
            }
        }
        return a;
    }

    private Deployment detect() {
        if (urls.isAtlassianCloudHost()) {
            LOG.info("Confluence at {} is Cloud (atlassian.net host)", urls.base());
            return Deployment.CLOUD;
        }
        URI probe = urls.api("/api/v2/spaces", "limit", 1);
        Deployment d;
        try {
            d = http.get(probe).map(reply -> {
                http.parse(probe, reply);
                return Deployment.CLOUD;
            }).orElse(Deployment.DATA_CENTER);
        } catch (ConfluenceAuthException e) {
            throw e;
        } catch (ConfluenceException e) {
            throw new ConfluenceException("cannot tell whether " + urls.base() + " is Confluence Cloud or Data Center"
                    + " (set CONFLUENCE_DEPLOYMENT to cloud or datacenter to skip the check): " + e.getMessage(),
                    e.status(), e);
        }
        LOG.info("Confluence at {} is {} (GET /api/v2/spaces {})", urls.base(), d.settingName(),
                d == Deployment.CLOUD ? "answered" : "is 404");
        return d;
    }

    private ZoneId askSiteTimeZone() {
        URI uri = urls.api("/rest/api/user/current");
        Optional<String> named = http.get(uri).map(reply -> http.parse(uri, reply))
                .map(user -> user.path("timeZone")).filter(JsonNode::isTextual).map(JsonNode::asText);
        if (named.isPresent()) {
            try {
                return ZoneId.of(named.get());
            } catch (DateTimeException e) {
                LOG.warn("Confluence user time zone '{}' is unknown here", named.get());
            }
        }
        LOG.warn("Confluence at {} does not say its time zone: CQL dates are written in {} so that no edit is missed;"
                + " set site_time_zone in config/config.json to narrow the queries", urls.base(), SiteTimeZone.EARLIEST);
        return SiteTimeZone.EARLIEST;
    }

    private static String requireId(String pageId) {
        if (pageId == null || pageId.isBlank()) {
            throw new IllegalArgumentException("page id is empty");
        }
        return pageId.trim();
    }
}
