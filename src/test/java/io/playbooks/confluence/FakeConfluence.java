package io.playbooks.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A fake Confluence site on WireMock, in either shape, for the client, sync and REST tests.
 * <ul>
 *   <li>Cloud ({@link #cloud()}): base {@code http://localhost:PORT/wiki}, basic auth, REST v2 spaces/pages/attachments
 *       with cursor paging ({@code _links.next} and/or the {@code Link} header), v1 CQL search with cursor paging,
 *       {@code /rest/api/user/current} with a {@code timeZone}.</li>
 *   <li>Data Center ({@link #dataCenter(String)}): base {@code http://localhost:PORT/<context>}, Bearer personal access
 *       token, REST v1 only (space, content listing with start/limit, content by id, child attachments, CQL search);
 *       every {@code /api/v2} path answers 404.</li>
 * </ul>
 * The site holds a model (spaces, pages, attachments) that tests change between calls; faults (status codes with
 * headers, slow answers) are queued per path fragment and served before the model. Every request is in WireMock's
 * journal: {@link #requestCount()} and {@link #requestCount(String)} count them. Stubs a test adds through
 * {@link #server()} with a priority below 10 take precedence over the model.
 */
public final class FakeConfluence implements AutoCloseable {

    /** Where a Cloud listing puts its next-page link. */
    public enum NextLinks { BODY, HEADER, BOTH }

    public static final String CLOUD_USER = "ops@example.com";
    public static final String CLOUD_TOKEN = "cloud-api-token";
    public static final String DC_TOKEN = "dc-personal-access-token";
    /** The instant pages are created at unless the test moves the clock. */
    public static final Instant START = Instant.parse("2024-05-14T09:30:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CQL_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Deployment deployment;
    private final String context;
    private final WireMockServer server;

    private final Map<String, FakeSpace> spaces = new LinkedHashMap<>();
    private final Map<String, FakePage> pages = new TreeMap<>(Comparator.comparingLong(Long::parseLong));
    private final Map<String, FakeAttachment> attachments = new LinkedHashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Queue<Hold> holds = new ConcurrentLinkedQueue<>();
    private long nextSpaceId = 98_300_001L;
    private long nextPageId = 1_000_001L;
    private long nextAttachmentId = 7_000_001L;
    private Instant now = START;
    private ZoneId siteZone = ZoneId.of("Europe/Berlin");
    private boolean reportTimeZone = true;
    private NextLinks nextLinks = NextLinks.BODY;
    private int maxLimit = 250;
    private Duration latency = Duration.ZERO;
    private boolean nearLimit;
    /** Answers built once and served again, by URL; null: every answer is built anew (see {@link #reuseReplies()}). */
    private Map<String, Compressible> repliesByUrl;

    private FakeConfluence(Deployment deployment, String context) {
        this.deployment = deployment;
        this.context = context;
        this.server = new WireMockServer(options().dynamicPort().extensions(new Responder()));
    }

    /** A Cloud site under {@code /wiki}; credentials {@link #CLOUD_USER} / {@link #CLOUD_TOKEN}. */
    public static FakeConfluence cloud() {
        return new FakeConfluence(Deployment.CLOUD, "/wiki");
    }

    /** A Data Center site under the context path (e.g. {@code /confluence}, or "" for none); token {@link #DC_TOKEN}. */
    public static FakeConfluence dataCenter(String contextPath) {
        return new FakeConfluence(Deployment.DATA_CENTER, contextPath);
    }

    public FakeConfluence start() {
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(Responder.NAME)));
        return this;
    }

    @Override
    public void close() {
        server.stop();
    }

    public String baseUrl() {
        return server.baseUrl() + context;
    }

    public WireMockServer server() {
        return server;
    }

    /** Settings that reach this site with the right credentials and the deployment left to auto-detection. */
    public ConfluenceSettings.Builder settings() {
        ConfluenceSettings.Builder b = ConfluenceSettings.builder().enabled(true).url(baseUrl())
                .spaces(List.copyOf(spaces.keySet())).requestTimeout(Duration.ofSeconds(5));
        return deployment == Deployment.CLOUD ? b.username(CLOUD_USER).apiToken(CLOUD_TOKEN)
                : b.username("").apiToken(DC_TOKEN);
    }

    // ---- site behaviour ----------------------------------------------------------------------------------------

    /** Cloud only: where listings put the next link (default: the body's {@code _links.next}). */
    public synchronized FakeConfluence nextLinks(NextLinks where) {
        forgetReplies();
        nextLinks = where;
        return this;
    }

    /** The most results one answer holds, whatever {@code limit} asks (Data Center caps it, often at 100). */
    public synchronized FakeConfluence maxLimit(int max) {
        forgetReplies();
        maxLimit = max;
        return this;
    }

    /** The zone CQL dates are read in; {@code reported} says whether {@code /rest/api/user/current} tells it. */
    public synchronized FakeConfluence timeZone(ZoneId zone, boolean reported) {
        forgetReplies();
        siteZone = zone;
        reportTimeZone = reported;
        return this;
    }

    /** A delay added to every answer. */
    public synchronized FakeConfluence latency(Duration delay) {
        latency = delay;
        return this;
    }

    /**
     * From now on the answer to a URL is built, and compressed for a client that accepts gzip, only the first time it
     * is asked for; any change to the model forgets these answers. For benchmarks: a remote Confluence does not
     * spend the cores the service runs on, and building and compressing 250 pages with their bodies at each call
     * costs the stand-in about as much CPU as a fifth of the service's import.
     */
    public synchronized FakeConfluence reuseReplies() {
        repliesByUrl = new HashMap<>();
        return this;
    }

    /** Whether successful answers carry {@code X-RateLimit-NearLimit: true}. */
    public synchronized FakeConfluence nearLimit(boolean on) {
        nearLimit = on;
        return this;
    }

    /** The site's clock: edits and new pages get this time. */
    public synchronized FakeConfluence now(Instant instant) {
        now = instant;
        return this;
    }

    // ---- faults ------------------------------------------------------------------------------------------------

    /** The next {@code times} requests whose URL contains {@code urlPart} ("" for any) get this status and headers. */
    public synchronized FakeConfluence failNext(String urlPart, int times, int status, Map<String, String> headers) {
        faults.addLast(new Fault(urlPart, times, status, Map.copyOf(headers), Duration.ZERO));
        return this;
    }

    /** Drops the faults still queued: the site is back. */
    public synchronized FakeConfluence resetFaults() {
        faults.clear();
        return this;
    }

    public FakeConfluence failNext(int times, int status) {
        return failNext("", times, status, Map.of());
    }

    /** The next {@code times} requests whose URL contains {@code urlPart} get their normal answer after {@code delay}. */
    public synchronized FakeConfluence slowNext(String urlPart, int times, Duration delay) {
        faults.addLast(new Fault(urlPart, times, 0, Map.of(), delay));
        return this;
    }

    /**
     * Holds the next request whose URL contains {@code urlPart} until the hold is released (at most two minutes), so
     * a test can look at a client while it waits for Confluence.
     */
    public Hold holdNext(String urlPart) {
        Hold hold = new Hold(urlPart);
        holds.add(hold);
        return hold;
    }

    private void awaitHold(String url) {
        for (Hold hold : holds) {
            if (url.contains(hold.urlPart) && holds.remove(hold)) {
                hold.reached.countDown();
                try {
                    hold.released.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
        }
    }

    /** A request held by {@link #holdNext(String)}: wait until it arrived, then let it be answered. */
    public static final class Hold implements AutoCloseable {
        private final String urlPart;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(String urlPart) {
            this.urlPart = urlPart;
        }

        /** Waits (at most a minute) until the held request arrives; false if it did not. */
        public boolean reached() throws InterruptedException {
            return reached.await(1, TimeUnit.MINUTES);
        }

        public void release() {
            released.countDown();
        }

        @Override
        public void close() {
            release();
        }
    }

    // ---- the model ---------------------------------------------------------------------------------------------

    public synchronized FakeSpace addSpace(String key, String name) {
        forgetReplies();
        FakeSpace s = new FakeSpace(Long.toString(nextSpaceId++), key, name);
        spaces.put(key, s);
        return s;
    }

    public synchronized FakePage addPage(String spaceKey, String title, List<String> labels, String body) {
        forgetReplies();
        requireSpace(spaceKey);
        FakePage p = new FakePage(Long.toString(nextPageId++), spaceKey, title, labels, body, now);
        pages.put(p.id, p);
        return p;
    }

    /** The conformance pages of {@code corpus/authored} (title and labels from NAME.expected.json), in name order. */
    public List<FakePage> addAuthoredPages(String spaceKey) {
        return authoredCorpus().stream().map(c -> addPage(spaceKey, c.title, c.labels, c.body)).toList();
    }

    /** {@code n} pages cycling through the authored bodies and labels, titled "TITLE #i" so that titles are unique. */
    public List<FakePage> addGeneratedPages(String spaceKey, int n) {
        List<CorpusPage> corpus = authoredCorpus();
        List<FakePage> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CorpusPage c = corpus.get(i % corpus.size());
            out.add(addPage(spaceKey, c.title + " #" + (i + 1), c.labels, c.body));
        }
        return out;
    }

    /** A new version of the page, modified now. */
    public synchronized FakePage editPage(String pageId, String newBody) {
        forgetReplies();
        FakePage p = requirePage(pageId);
        p.body = newBody;
        p.version++;
        p.lastModified = now;
        return p;
    }

    public synchronized void deletePage(String pageId) {
        forgetReplies();
        requirePage(pageId);
        pages.remove(pageId);
        attachments.values().removeIf(a -> a.pageId.equals(pageId));
    }

    public synchronized void archivePage(String pageId) {
        forgetReplies();
        requirePage(pageId).status = "archived";
    }

    /** Moves the page to the space's trash (Cloud v2 and v1 status {@code trashed}); it is no longer listed. */
    public synchronized void trashPage(String pageId) {
        forgetReplies();
        requirePage(pageId).status = "trashed";
    }

    public synchronized void movePage(String pageId, String toSpace) {
        forgetReplies();
        requireSpace(toSpace);
        requirePage(pageId).spaceKey = toSpace;
    }

    public synchronized void deleteAttachment(String attachmentId) {
        forgetReplies();
        if (attachments.remove(attachmentId) == null) {
            throw new IllegalArgumentException("no fake attachment " + attachmentId);
        }
    }

    public synchronized FakeAttachment addAttachment(String pageId, String fileName, String mediaType, byte[] content) {
        forgetReplies();
        requirePage(pageId);
        FakeAttachment a = new FakeAttachment("att" + nextAttachmentId++, pageId, fileName, mediaType, content, now);
        attachments.put(a.id, a);
        return a;
    }

    public synchronized FakePage page(String pageId) {
        return requirePage(pageId);
    }

    // ---- inspection --------------------------------------------------------------------------------------------

    public int requestCount() {
        return server.getAllServeEvents().size();
    }

    /** Requests whose URL (path and query, decoded) contains the fragment. */
    public int requestCount(String urlPart) {
        return (int) requestedUrls().stream().filter(u -> u.contains(urlPart)).count();
    }

    /** URLs requested so far, oldest first, decoded. */
    public List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        server.getAllServeEvents().forEach(e -> urls.add(0, decode(e.getRequest().getUrl())));
        return urls;
    }

    public void resetRequests() {
        server.resetRequests();
    }

    // ---- serving -----------------------------------------------------------------------------------------------

    /** Serves the catch-all stub from the model; stubs a test adds itself (priority below 10) win over it. */
    private final class Responder implements ResponseDefinitionTransformerV2 {
        static final String NAME = "fake-confluence";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            awaitHold(decode(event.getRequest().getUrl()));
            synchronized (FakeConfluence.this) {
                return serve(event.getRequest());
            }
        }
    }

    private ResponseDefinition serve(LoggedRequest request) {
        String url = request.getUrl();
        String decodedUrl = decode(url);
        Duration delay = latency;
        Fault fault = takeFault(decodedUrl);
        if (fault != null && fault.status != 0) {
            ResponseDefinitionBuilder b = aResponse().withStatus(fault.status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(errorBody(fault.status, "injected fault"));
            fault.headers.forEach(b::withHeader);
            return b.withFixedDelay((int) delay.toMillis()).build();
        }
        if (fault != null) {
            delay = delay.plus(fault.delay);
        }
        Reply reply;
        ResponseDefinitionBuilder b = aResponse();
        if (!authorized(request.getHeader("Authorization"))) {
            reply = Reply.error(401, "Client must be authenticated to access this resource.");
            b.withBody(reply.body);
        } else if (repliesByUrl != null) {
            Compressible reused = repliesByUrl.computeIfAbsent(url, u -> new Compressible(route(u)));
            reply = reused.reply;
            String accepted = request.getHeader("Accept-Encoding");
            if (accepted != null && accepted.contains("gzip")) {
                b.withBody(reused.gzipped()).withHeader("Content-Encoding", "gzip");
            } else {
                b.withBody(reply.body);
            }
        } else {
            reply = route(url);
            b.withBody(reply.body);
        }
        b.withStatus(reply.status).withHeader("Content-Type", reply.contentType);
        reply.headers.forEach(b::withHeader);
        if (nearLimit && reply.status < 300) {
            b.withHeader("X-RateLimit-NearLimit", "true");
        }
        return b.withFixedDelay((int) delay.toMillis()).build();
    }

    private void forgetReplies() {
        if (repliesByUrl != null) {
            repliesByUrl.clear();
        }
    }

    /** An answer kept for reuse, with its body gzipped the first time a client accepts that. */
    private static final class Compressible {
        final Reply reply;
        private byte[] gzipped;

        Compressible(Reply reply) {
            this.reply = reply;
        }

        byte[] gzipped() {
            if (gzipped == null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(reply.body.length / 4);
                try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                    gzip.write(reply.body);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                gzipped = out.toByteArray();
            }
            return gzipped;
        }
    }

    private Fault takeFault(String url) {
        for (Fault f : faults) {
            if (url.contains(f.urlPart)) {
                if (--f.remaining <= 0) {
                    faults.remove(f);
                }
                return f;
            }
        }
        return null;
    }

    private boolean authorized(String header) {
        String expected = deployment == Deployment.CLOUD
                ? "Basic " + Base64.getEncoder().encodeToString((CLOUD_USER + ":" + CLOUD_TOKEN)
                        .getBytes(StandardCharsets.UTF_8))
                : "Bearer " + DC_TOKEN;
        return expected.equals(header);
    }

    private Reply route(String rawUrl) {
        int q = rawUrl.indexOf('?');
        String path = q < 0 ? rawUrl : rawUrl.substring(0, q);
        Map<String, List<String>> query = parseQuery(q < 0 ? "" : rawUrl.substring(q + 1));
        if (!path.startsWith(context + "/")) {
            return Reply.error(404, "no Confluence here");
        }
        String p = decode(path.substring(context.length()));
        Matcher m;
        if (p.startsWith("/api/v2/")) {
            if (deployment != Deployment.CLOUD) {
                return Reply.error(404, "null for uri: " + baseUrl() + p);
            }
            if (p.equals("/api/v2/spaces")) {
                return v2Spaces(query);
            }
            if ((m = Pattern.compile("/api/v2/spaces/(\\d+)").matcher(p)).matches()) {
                FakeSpace s = spaceById(m.group(1));
                return s == null ? Reply.error(404, "space not found") : Reply.json(v2Space(s));
            }
            if ((m = Pattern.compile("/api/v2/spaces/(\\d+)/pages").matcher(p)).matches()) {
                return v2SpacePages(m.group(1), query, p);
            }
            if ((m = Pattern.compile("/api/v2/pages/(\\d+)").matcher(p)).matches()) {
                return v2Page(m.group(1), query);
            }
            if ((m = Pattern.compile("/api/v2/pages/(\\d+)/attachments").matcher(p)).matches()) {
                return v2Attachments(m.group(1), query, p);
            }
            return Reply.error(404, "no such v2 resource " + p);
        }
        if (p.equals("/rest/api/content/search")) {
            return cqlSearch(query);
        }
        if (p.equals("/rest/api/user/current")) {
            ObjectNode u = JSON.createObjectNode().put("type", "known").put("displayName", "Ops Bot");
            if (deployment == Deployment.CLOUD) {
                u.put("accountId", "5b10a2844c20165700ede21g").put("email", CLOUD_USER);
                if (reportTimeZone) {
                    u.put("timeZone", siteZone.getId());
                }
            } else {
                u.put("username", "opsbot").put("userKey", "8a7f808a6f1234");
            }
            return Reply.json(u);
        }
        if ((m = Pattern.compile("/download/attachments/(\\d+)/(.+)").matcher(p)).matches()) {
            return download(m.group(1), m.group(2));
        }
        if (deployment == Deployment.DATA_CENTER) {
            if (p.equals("/rest/api/space")) {
                return v1SpaceList(query);
            }
            if ((m = Pattern.compile("/rest/api/space/([^/]+)").matcher(p)).matches()) {
                FakeSpace s = spaces.get(m.group(1));
                return s == null ? Reply.error(404, "No space with key : " + m.group(1)) : Reply.json(v1Space(s));
            }
            if (p.equals("/rest/api/content")) {
                return v1ContentList(query);
            }
            if ((m = Pattern.compile("/rest/api/content/(\\d+)").matcher(p)).matches()) {
                return v1ContentById(m.group(1), query);
            }
            if ((m = Pattern.compile("/rest/api/content/(\\d+)/child/attachment").matcher(p)).matches()) {
                return v1ChildAttachments(m.group(1), query);
            }
        }
        return Reply.error(404, "no such resource " + p);
    }

    // ---- Cloud v2 --------------------------------------------------------------------------------------------

    private Reply v2Spaces(Map<String, List<String>> query) {
        List<String> keys = query.getOrDefault("keys", List.of()).stream()
                .flatMap(k -> Stream.of(k.split(","))).toList();
        List<FakeSpace> found = spaces.values().stream().filter(s -> keys.isEmpty() || keys.contains(s.key)).toList();
        return v2Listing(found, this::v2Space, query, "/api/v2/spaces");
    }

    private Reply v2SpacePages(String spaceId, Map<String, List<String>> query, String path) {
        FakeSpace s = spaceById(spaceId);
        if (s == null) {
            return Reply.error(404, "space not found");
        }
        List<String> statuses = query.getOrDefault("status", List.of("current"));
        boolean withBody = "storage".equals(first(query, "body-format"));
        List<FakePage> items = pages.values().stream()
                .filter(p -> p.spaceKey.equals(s.key) && statuses.contains(p.status)).toList();
        return v2Listing(items, p -> v2Page(p, withBody, false), query, path);
    }

    private Reply v2Page(String id, Map<String, List<String>> query) {
        FakePage p = pages.get(id);
        List<String> statuses = query.getOrDefault("status", List.of("current", "archived"));
        if (p == null || !statuses.contains(p.status)) {
            return Reply.error(404, "page not found");
        }
        ObjectNode page = v2Page(p, "storage".equals(first(query, "body-format")),
                "true".equals(first(query, "include-labels")));
        page.putObject("_links").put("webui", "/spaces/" + p.spaceKey + "/pages/" + p.id)
                .put("base", baseUrl());
        return Reply.json(page);
    }

    private Reply v2Attachments(String pageId, Map<String, List<String>> query, String path) {
        if (!pages.containsKey(pageId)) {
            return Reply.error(404, "page not found");
        }
        List<FakeAttachment> items = attachments.values().stream().filter(a -> a.pageId.equals(pageId)).toList();
        return v2Listing(items, a -> JSON.createObjectNode().put("id", a.id).put("status", "current")
                .put("title", a.fileName).put("pageId", a.pageId).put("mediaType", a.mediaType)
                .put("fileSize", a.content.length).put("downloadLink", downloadPath(a))
                .put("webuiLink", "/pages/viewpageattachments.action?pageId=" + a.pageId)
                .set("version", v2Version(1, a.created)), query, path);
    }

    private ObjectNode v2Space(FakeSpace s) {
        ObjectNode n = JSON.createObjectNode().put("id", s.id).put("key", s.key).put("name", s.name)
                .put("type", "global").put("status", "current");
        n.putObject("_links").put("webui", "/spaces/" + s.key);
        return n;
    }

    private ObjectNode v2Page(FakePage p, boolean withBody, boolean withLabels) {
        ObjectNode n = JSON.createObjectNode().put("id", p.id).put("status", p.status).put("title", p.title)
                .put("spaceId", spaces.get(p.spaceKey).id).put("parentType", "page").put("authorId", "557058:ops")
                .put("createdAt", p.created.toString());
        n.set("version", v2Version(p.version, p.lastModified));
        if (withBody) {
            n.putObject("body").putObject("storage").put("representation", "storage").put("value", p.body);
        }
        if (withLabels) {
            ArrayNode results = n.putObject("labels").putArray("results");
            p.labels.forEach(l -> results.addObject().put("id", Integer.toString(Math.abs(l.hashCode())))
                    .put("name", l).put("prefix", "global"));
        }
        n.putObject("_links").put("webui", "/spaces/" + p.spaceKey + "/pages/" + p.id + "/"
                + p.title.replace(' ', '+')).put("tinyui", "/x/" + p.id);
        return n;
    }

    private static ObjectNode v2Version(int number, Instant at) {
        return JSON.createObjectNode().put("number", number).put("message", "").put("minorEdit", false)
                .put("authorId", "557058:ops").put("createdAt", at.toString());
    }

    /** A v2 page of results: cursor paging, next link in the body and/or the Link header. */
    private <T> Reply v2Listing(List<T> all, Function<T, JsonNode> toJson, Map<String, List<String>> query,
                                String path) {
        int limit = Math.min(intParam(query, "limit", 25), maxLimit);
        int offset = query.containsKey("cursor") ? decodeCursor(first(query, "cursor")) : 0;
        ObjectNode body = JSON.createObjectNode();
        ArrayNode results = body.putArray("results");
        all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()))
                .forEach(item -> results.add(toJson.apply(item)));
        ObjectNode links = body.putObject("_links").put("base", baseUrl());
        Map<String, String> headers = new HashMap<>();
        if (offset + limit < all.size()) {
            Map<String, List<String>> nextQuery = new LinkedHashMap<>(query);
            nextQuery.put("cursor", List.of(encodeCursor(offset + limit)));
            String next = context + path + "?" + formatQuery(nextQuery);
            if (nextLinks != NextLinks.HEADER) {
                links.put("next", next);
            }
            if (nextLinks != NextLinks.BODY) {
                headers.put("Link", "<" + next + ">; rel=\"next\", <" + baseUrl() + ">; rel=\"base\"");
            }
        }
        return new Reply(200, "application/json", write(body), headers);
    }

    // ---- v1 (Data Center, and CQL on both) ------------------------------------------------------------------

    private Reply v1SpaceList(Map<String, List<String>> query) {
        return v1Listing(List.copyOf(spaces.values()), this::v1Space, query, "/rest/api/space");
    }

    private ObjectNode v1Space(FakeSpace s) {
        ObjectNode n = JSON.createObjectNode().put("id", Long.parseLong(s.id)).put("key", s.key).put("name", s.name)
                .put("type", "global").put("status", "current");
        n.putObject("_links").put("webui", "/display/" + s.key).put("self", baseUrl() + "/rest/api/space/" + s.key);
        return n;
    }

    private Reply v1ContentList(Map<String, List<String>> query) {
        String spaceKey = first(query, "spaceKey");
        String type = query.containsKey("type") ? first(query, "type") : "page";
        Set<String> expand = expand(query);
        List<FakePage> all = pages.values().stream()
                .filter(p -> "page".equals(type) && p.status.equals("current")
                        && (spaceKey == null || p.spaceKey.equals(spaceKey))).toList();
        return v1Listing(all, p -> v1Page(p, expand), query, "/rest/api/content");
    }

    private Reply v1ContentById(String id, Map<String, List<String>> query) {
        FakePage p = pages.get(id);
        boolean anyStatus = "any".equals(first(query, "status"));
        if (p == null || !anyStatus && !p.status.equals("current")) {
            return Reply.error(404, "No content found with id: ContentId{id=" + id + "}");
        }
        return Reply.json(v1Page(p, expand(query)));
    }

    private Reply v1ChildAttachments(String pageId, Map<String, List<String>> query) {
        if (!pages.containsKey(pageId)) {
            return Reply.error(404, "No content found with id: ContentId{id=" + pageId + "}");
        }
        Set<String> expand = expand(query);
        List<FakeAttachment> all = attachments.values().stream().filter(a -> a.pageId.equals(pageId)).toList();
        return v1Listing(all, a -> v1Attachment(a, expand), query,
                "/rest/api/content/" + pageId + "/child/attachment");
    }

    private ObjectNode v1Page(FakePage p, Set<String> expand) {
        ObjectNode n = JSON.createObjectNode().put("id", p.id).put("type", "page").put("status", p.status)
                .put("title", p.title);
        if (expand.contains("space")) {
            FakeSpace s = spaces.get(p.spaceKey);
            n.putObject("space").put("id", Long.parseLong(s.id)).put("key", s.key).put("name", s.name);
        }
        if (expand.contains("version")) {
            n.set("version", v1Version(p.version, p.lastModified));
        }
        if (expand.contains("body.storage")) {
            n.putObject("body").putObject("storage").put("value", p.body).put("representation", "storage");
        }
        if (expand.contains("metadata.labels")) {
            ObjectNode labels = n.putObject("metadata").putObject("labels");
            ArrayNode results = labels.putArray("results");
            p.labels.forEach(l -> results.addObject().put("prefix", "global").put("name", l)
                    .put("id", Integer.toString(Math.abs(l.hashCode()))).put("label", l));
            labels.put("start", 0).put("limit", 200).put("size", p.labels.size());
        }
        n.putObject("_links").put("webui", (deployment == Deployment.CLOUD ? "/spaces/" + p.spaceKey + "/pages/"
                        + p.id : "/pages/viewpage.action?pageId=" + p.id))
                .put("tinyui", "/x/" + p.id).put("self", baseUrl() + "/rest/api/content/" + p.id);
        return n;
    }

    private ObjectNode v1Attachment(FakeAttachment a, Set<String> expand) {
        ObjectNode n = JSON.createObjectNode().put("id", a.id).put("type", "attachment").put("status", "current")
                .put("title", a.fileName);
        n.putObject("metadata").put("mediaType", a.mediaType);
        n.putObject("extensions").put("mediaType", a.mediaType).put("fileSize", a.content.length)
                .put("comment", "");
        if (expand.contains("version")) {
            n.set("version", v1Version(1, a.created));
        }
        if (expand.contains("container")) {
            FakePage p = pages.get(a.pageId);
            n.putObject("container").put("id", p.id).put("type", "page").put("title", p.title);
        }
        n.putObject("_links").put("webui", "/pages/viewpageattachments.action?pageId=" + a.pageId)
                .put("download", downloadPath(a)).put("self", baseUrl() + "/rest/api/content/" + a.id);
        return n;
    }

    private ObjectNode v1Version(int number, Instant at) {
        ObjectNode v = JSON.createObjectNode().put("number", number).put("minorEdit", false)
                .put("when", at.atZone(siteZone).toOffsetDateTime().toString());
        v.putObject("by").put("type", "known").put("displayName", "Ops Bot");
        return v;
    }

    /** A v1 page of results: start/limit, {@code _links.next} only while more remain. */
    private <T> Reply v1Listing(List<T> all, Function<T, JsonNode> toJson, Map<String, List<String>> query,
                                String path) {
        int limit = Math.min(intParam(query, "limit", 25), maxLimit);
        int start = query.containsKey("cursor") ? decodeCursor(first(query, "cursor")) : intParam(query, "start", 0);
        List<T> slice = all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size()));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode results = body.putArray("results");
        slice.forEach(item -> results.add(toJson.apply(item)));
        body.put("start", start).put("limit", limit).put("size", slice.size());
        ObjectNode links = body.putObject("_links").put("base", baseUrl()).put("context", context);
        if (start + limit < all.size()) {
            Map<String, List<String>> nextQuery = new LinkedHashMap<>(query);
            if (deployment == Deployment.CLOUD) {
                nextQuery.remove("start");
                nextQuery.put("next", List.of("true"));
                nextQuery.put("cursor", List.of(encodeCursor(start + limit)));
            } else {
                nextQuery.put("start", List.of(Integer.toString(start + limit)));
            }
            nextQuery.put("limit", List.of(Integer.toString(limit)));
            links.put("next", path + "?" + formatQuery(nextQuery));
        }
        links.put("self", baseUrl() + path);
        return Reply.json(body);
    }

    private Reply cqlSearch(Map<String, List<String>> query) {
        String cql = first(query, "cql");
        Predicate<Object> match;
        try {
            match = cqlPredicate(cql == null ? "" : cql);
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "Could not parse cql : " + cql + " (" + e.getMessage() + ")");
        }
        Set<String> expand = expand(query);
        List<Object> found = new ArrayList<>();
        pages.values().stream().filter(match::test).forEach(found::add);
        attachments.values().stream().filter(match::test).forEach(found::add);
        return v1Listing(found, o -> o instanceof FakePage p ? v1Page(p, expand)
                : v1Attachment((FakeAttachment) o, expand), query, "/rest/api/content/search");
    }

    /**
     * The CQL the client writes: space, type, label in (...), title in (...) (a page's title, an attachment's file
     * name), lastmodified >= "date", joined by "and".
     */
    private Predicate<Object> cqlPredicate(String cql) {
        Predicate<Object> all = o -> o instanceof FakePage p ? p.status.equals("current") : true;
        for (String clause : clauses(cql)) {
            String c = clause.trim();
            Matcher m;
            if ((m = Pattern.compile("space\\s*=\\s*\"?([^\"]+)\"?").matcher(c)).matches()) {
                String key = m.group(1);
                all = all.and(o -> key.equals(o instanceof FakePage p ? p.spaceKey
                        : pages.get(((FakeAttachment) o).pageId).spaceKey));
            } else if ((m = Pattern.compile("type\\s*=\\s*\"?(page|attachment)\"?").matcher(c)).matches()) {
                boolean wantPage = m.group(1).equals("page");
                all = all.and(o -> (o instanceof FakePage) == wantPage);
            } else if ((m = Pattern.compile("label\\s+in\\s*\\((.*)\\)").matcher(c)).matches()) {
                List<String> wanted = Stream.of(m.group(1).split(",")).map(s -> s.trim().replace("\"", "")).toList();
                all = all.and(o -> o instanceof FakePage p && p.labels.stream().anyMatch(wanted::contains));
            } else if ((m = Pattern.compile("title\\s+in\\s*\\((.*)\\)").matcher(c)).matches()) {
                List<String> wanted = quotedValues(m.group(1));
                all = all.and(o -> wanted.contains(o instanceof FakePage p ? p.title : ((FakeAttachment) o).fileName));
            } else if ((m = Pattern.compile("lastmodified\\s*>=\\s*\"([^\"]+)\"").matcher(c)).matches()) {
                Instant since = LocalDateTime.parse(m.group(1), CQL_DATE).atZone(siteZone).toInstant();
                all = all.and(o -> o instanceof FakePage p && !p.lastModified.isBefore(since));
            } else {
                throw new IllegalArgumentException("unsupported clause '" + c + "'");
            }
        }
        return all;
    }

    /** The clauses of a CQL query: split at "and" outside quoted values (titles may hold " and "). */
    private static List<String> clauses(String cql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < cql.length(); i++) {
            char ch = cql.charAt(i);
            if (ch == '\\' && quoted && i + 1 < cql.length()) {
                current.append(ch).append(cql.charAt(++i));
                continue;
            }
            if (ch == '"') {
                quoted = !quoted;
            }
            if (!quoted && cql.regionMatches(true, i, " and ", 0, 5)) {
                out.add(current.toString());
                current.setLength(0);
                i += 4;
                continue;
            }
            current.append(ch);
        }
        out.add(current.toString());
        return out;
    }

    /** The values of a list such as {@code "a","b \"c\""}, unescaped. */
    private static List<String> quotedValues(String list) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(list);
        while (m.find()) {
            values.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return values;
    }

    private Reply download(String pageId, String fileName) {
        return attachments.values().stream()
                .filter(a -> a.pageId.equals(pageId) && a.fileName.equals(fileName)).findFirst()
                .map(a -> new Reply(200, a.mediaType, a.content, Map.of()))
                .orElse(Reply.error(404, "attachment not found"));
    }

    private String downloadPath(FakeAttachment a) {
        return "/download/attachments/" + a.pageId + "/"
                + java.net.URLEncoder.encode(a.fileName, StandardCharsets.UTF_8).replace("+", "%20") + "?version=1&api=v2";
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private FakeSpace spaceById(String id) {
        return spaces.values().stream().filter(s -> s.id.equals(id)).findFirst().orElse(null);
    }

    private void requireSpace(String key) {
        if (!spaces.containsKey(key)) {
            throw new IllegalArgumentException("no fake space " + key + ": call addSpace first");
        }
    }

    private FakePage requirePage(String id) {
        FakePage p = pages.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no fake page " + id);
        }
        return p;
    }

    private static Set<String> expand(Map<String, List<String>> query) {
        String e = first(query, "expand");
        return e == null ? Set.of() : Set.of(e.split(","));
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static int intParam(Map<String, List<String>> query, String name, int dflt) {
        String v = first(query, name);
        return v == null ? dflt : Integer.parseInt(v);
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String formatQuery(Map<String, List<String>> query) {
        List<String> parts = new ArrayList<>();
        query.forEach((name, values) -> values.forEach(v -> parts.add(name + "=" + SiteUrls.encode(v))));
        return String.join("&", parts);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encodeCursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeCursor(String cursor) {
        String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        return Integer.parseInt(s.substring("offset:".length()));
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] errorBody(int status, String message) {
        ObjectNode n = JSON.createObjectNode().put("statusCode", status).put("message", message);
        n.putObject("data").put("authorized", status != 401 && status != 403).put("valid", true)
                .put("successful", false).putArray("errors");
        return write(n);
    }

    // ---- the authored corpus ------------------------------------------------------------------------------------

    /** A conformance page: body from NAME.xhtml, title and labels from NAME.expected.json. */
    public record CorpusPage(String name, String title, List<String> labels, String body) {
    }

    private static List<CorpusPage> corpus;

    public static synchronized List<CorpusPage> authoredCorpus() {
        if (corpus == null) {
            try {
                URL dir = FakeConfluence.class.getResource("/corpus/authored");
                if (dir == null) {
                    throw new IllegalStateException("corpus/authored is not on the test classpath");
                }
                List<CorpusPage> out = new ArrayList<>();
                try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
                    for (Path xhtml : files.filter(f -> f.toString().endsWith(".xhtml")).sorted().toList()) {
                        String name = xhtml.getFileName().toString().replace(".xhtml", "");
                        JsonNode expected = JSON.readTree(xhtml.resolveSibling(name + ".expected.json").toFile());
                        List<String> labels = new ArrayList<>();
                        expected.path("labels").forEach(l -> labels.add(l.asText()));
                        out.add(new CorpusPage(name, expected.path("title").asText(name), labels,
                                Files.readString(xhtml)));
                    }
                }
                corpus = List.copyOf(out);
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException("cannot read corpus/authored: " + e.getMessage(), e);
            }
        }
        return corpus;
    }

    // ---- model types -------------------------------------------------------------------------------------------

    public static final class FakeSpace {
        public final String id;
        public final String key;
        public final String name;

        private FakeSpace(String id, String key, String name) {
            this.id = id;
            this.key = key;
            this.name = name;
        }
    }

    public static final class FakePage {
        public final String id;
        public final List<String> labels;
        public final Instant created;
        private String spaceKey;
        private String title;
        private String body;
        private int version = 1;
        private String status = "current";
        private Instant lastModified;

        private FakePage(String id, String spaceKey, String title, List<String> labels, String body, Instant at) {
            this.id = id;
            this.spaceKey = spaceKey;
            this.title = title;
            this.labels = labels.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
            this.body = body;
            this.created = at;
            this.lastModified = at;
        }

        public String spaceKey() { return spaceKey; }
        public String title() { return title; }
        public String body() { return body; }
        public int version() { return version; }
        public String status() { return status; }
        public Instant lastModified() { return lastModified; }
    }

    public static final class FakeAttachment {
        public final String id;
        public final String pageId;
        public final String fileName;
        public final String mediaType;
        public final byte[] content;
        public final Instant created;

        private FakeAttachment(String id, String pageId, String fileName, String mediaType, byte[] content,
                               Instant created) {
            this.id = id;
            this.pageId = pageId;
            this.fileName = fileName;
            this.mediaType = mediaType;
            this.content = content;
            this.created = created;
        }
    }

    private static final class Fault {
        final String urlPart;
        int remaining;
        final int status;
        final Map<String, String> headers;
        final Duration delay;

        Fault(String urlPart, int remaining, int status, Map<String, String> headers, Duration delay) {
            this.urlPart = urlPart;
            this.remaining = remaining;
            this.status = status;
            this.headers = headers;
            this.delay = delay;
        }
    }

    private record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Reply json(JsonNode node) {
            return new Reply(200, "application/json", write(node), Map.of());
        }

        static Reply error(int status, String message) {
            return new Reply(status, "application/json", errorBody(status, message), Map.of());
        }
    }
}
