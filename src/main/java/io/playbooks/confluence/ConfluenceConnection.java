package io.playbooks.confluence;

import io.playbooks.api.ApiException;
import io.playbooks.api.ConfigureRequest;
import io.playbooks.page.SourcePage;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Confluence sites the service talks to now, each with its settings and its own client. The first site is the
 * one {@code POST /configure} changes (and saves); routes reach Confluence only through here, which finds the site of
 * a space or of a page, so a reconfiguration takes effect for the next call everywhere.
 */
public class ConfluenceConnection {

    private final Function<ConfluenceSettings, ConfluenceClient> clients;
    private final SavedConnection saved;
    private final Clock clock;

    private volatile List<ConfluenceSite> sites;

    public ConfluenceConnection(ConfluenceSettings fromConfig, SavedConnection saved,
                                Function<ConfluenceSettings, ConfluenceClient> clients, Clock clock) {
        this(ConfluenceSites.of(fromConfig), saved, clients, clock);
    }

    public ConfluenceConnection(ConfluenceSites fromConfig, SavedConnection saved,
                                Function<ConfluenceSettings, ConfluenceClient> clients, Clock clock) {
        this.saved = saved;
        this.clients = clients;
        this.clock = clock;
        ConfluenceSites effective = fromConfig.withFirst(saved.applyTo(fromConfig.first()));
        this.sites = effective.sites().stream().map(this::site).toList();
    }

    private ConfluenceSite site(ConfluenceSettings settings) {
        return new ConfluenceSite(settings, settings.isConfigured() ? clients.apply(settings) : null, clock);
    }

    /** The settings of the first site (the one {@code POST /configure} changes). */
    public ConfluenceSettings settings() {
        return sites.get(0).settings();
    }

    public List<ConfluenceSite> sites() {
        return sites;
    }

    /** Whether the schedule should sync: some site switched on and configured. */
    public boolean enabled() {
        return sites.stream().anyMatch(ConfluenceSite::active);
    }

    /** The space keys of every site, site after site. */
    public List<String> spaces() {
        return sites.stream().flatMap(site -> site.settings().spaces().stream()).toList();
    }

    /** The client of the first site; 400 when it is not configured. */
    public ConfluenceClient client() {
        return sites.get(0).client().orElseThrow(ConfluenceConnection::notConfigured);
    }

    /** The client of every space of every active site, in configuration order; 400 when no site is configured. */
    public Map<String, ConfluenceClient> clientsBySpace() {
        List<ConfluenceSite> active = sites.stream().filter(ConfluenceSite::active).toList();
        if (active.isEmpty()) {
            throw notConfigured();
        }
        Map<String, ConfluenceClient> bySpace = new LinkedHashMap<>();
        active.forEach(site -> site.settings().spaces().forEach(space -> bySpace.put(space, site.client().orElseThrow())));
        return bySpace;
    }

    /**
     * The site a space belongs to: the one that lists it; with a single configured site, that site (any space may be
     * discovered or imported there); 400 when several sites could hold it.
     */
    public ConfluenceSite siteOf(String spaceKey) {
        for (ConfluenceSite site : sites) {
            if (site.settings().spaces().contains(spaceKey) && site.client().isPresent()) {
                return site;
            }
        }
        List<ConfluenceSite> configured = sites.stream().filter(site -> site.client().isPresent()).toList();
        if (configured.isEmpty()) {
            throw notConfigured();
        }
        if (configured.size() > 1) {
            throw ApiException.badRequest("space " + spaceKey + " is not listed by any site (" + siteNames(configured)
                    + "): add it to the spaces of its site in config.json");
        }
        return configured.get(0);
    }

    /**
     * The content behind an attachment's download link, fetched with the credentials of the configured site the link
     * points at (by host and port): a link to no configured site is refused, so credentials never go elsewhere.
     *
     * @param maxBytes the most bytes taken: a larger content is a {@link ContentTooLargeException}
     */
    public ReplyBody attachment(String downloadUrl, long maxBytes) {
        String authority = URI.create(downloadUrl).getRawAuthority();
        ConfluenceClient client = sites.stream().filter(site -> site.client().isPresent())
                .filter(site -> URI.create(site.settings().url()).getRawAuthority().equalsIgnoreCase(authority))
                .findFirst().flatMap(ConfluenceSite::client)
                .orElseThrow(() -> ApiException.conflict("the attachment link " + downloadUrl
                        + " is on no configured Confluence site (" + siteNames(sites) + "): configure that site to fetch it"));
        return client.attachment(downloadUrl, maxBytes);
    }

    /** The settings of the site a space belongs to. */
    public ConfluenceSettings settingsOf(String spaceKey) {
        return siteOf(spaceKey).settings();
    }

    private ConfluenceSite named(String name) {
        return sites.stream().filter(site -> site.name().equals(name.trim())).findFirst()
                .orElseThrow(() -> ApiException.badRequest("no Confluence site is named '" + name + "'; the sites are "
                        + siteNames(sites)));
    }

    private static String siteNames(List<ConfluenceSite> sites) {
        return String.join(", ", sites.stream().map(ConfluenceSite::name).toList());
    }

    private static ApiException notConfigured() {
        return ApiException.badRequest("Confluence is not configured: set CONFLUENCE_URL and CONFLUENCE_API_TOKEN, "
                + "fill config/config.json, or POST /api/v1/confluence/configure");
    }

    /** What the clients of every site have done so far; all zero while no Confluence site is configured. */
    public ClientStats stats() {
        return sites.stream().map(ConfluenceSite::stats).reduce(new ClientStats(0, 0, 0, 0, 0), ClientStats::plus);
    }

    /** One page with its body, from whichever site has it; see {@link #page(String, String)}. */
    public SourcePage page(String pageId) {
        return page(pageId, null);
    }

    /**
     * One page with its body; 404 when no site has such a page (or the account cannot see it). Without a site name,
     * every configured site is asked: a page id found on two sites is ambiguous (400, name the site); a site that
     * fails while another has the page does not matter.
     */
    public SourcePage page(String pageId, String siteName) {
        if (pageId == null || pageId.isBlank()) {
            throw ApiException.badRequest("page_id is required");
        }
        String id = pageId.trim();
        if (siteName != null && !siteName.isBlank()) {
            ConfluenceClient client = named(siteName).client().orElseThrow(ConfluenceConnection::notConfigured);
            return client.page(id).orElseThrow(() -> notFound(id));
        }
        List<ConfluenceSite> configured = sites.stream().filter(site -> site.client().isPresent()).toList();
        if (configured.isEmpty()) {
            throw notConfigured();
        }
        List<SourcePage> found = new ArrayList<>();
        List<String> holders = new ArrayList<>();
        RuntimeException failure = null;
        for (ConfluenceSite site : configured) {
            try {
                site.client().orElseThrow().page(id).ifPresent(page -> {
                    found.add(page);
                    holders.add(site.name());
                });
            } catch (RuntimeException e) {
                failure = configured.size() == 1 ? e : failure == null ? e : failure;
            }
        }
        if (found.size() > 1) {
            throw ApiException.badRequest("page " + id + " exists on the sites " + String.join(" and ", holders)
                    + ": say which with the site parameter");
        }
        if (found.isEmpty() && failure != null) {
            throw failure;
        }
        return found.stream().findFirst().orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String pageId) {
        return ApiException.notFound("Confluence has no page with id " + pageId + " that this account can see");
    }

    /** One page of a known space, from that space's site (the sync's fetch of a planned page). */
    public SourcePage pageInSpace(String spaceKey, String pageId) {
        return siteOf(spaceKey).client().orElseThrow().page(pageId).orElseThrow(() -> notFound(pageId));
    }

    /** Refuses (400) a space no configured site can serve, before anything is recorded for it. */
    public void requireSiteOf(String spaceKey) {
        siteOf(spaceKey);
    }

    /** Every page of one space with its body, from its site, fetched lazily a listing call at a time. */
    public PageListing pages(String spaceKey) {
        return siteOf(spaceKey).client().orElseThrow().pages(spaceKey);
    }

    /** The pages of one space from a position of an earlier listing on (from the start when it is null or blank). */
    public PageListing pages(String spaceKey, String position) {
        return siteOf(spaceKey).client().orElseThrow().pages(spaceKey, position);
    }

    /** Every page of several spaces, one space after the other, each from its site. */
    public Iterator<SourcePage> pages(List<String> spaceKeys) {
        List<ConfluenceSite> ofSpaces = spaceKeys.stream().map(this::siteOf).toList();
        Iterator<String> spaces = spaceKeys.iterator();
        Iterator<ConfluenceSite> sitesOfSpaces = ofSpaces.iterator();
        return new Iterator<>() {
            private Iterator<SourcePage> pages = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!pages.hasNext() && spaces.hasNext()) {
                    pages = sitesOfSpaces.next().client().orElseThrow().pages(spaces.next());
                }
                return pages.hasNext();
            }

            @Override
            public SourcePage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pages.next();
            }
        };
    }

    /**
     * Whether every configured site answers with its credentials (each tested at most once a minute); the error names
     * the sites that do not when there are several.
     */
    public ConnectionCheck check() {
        if (sites.size() == 1) {
            return sites.get(0).check();
        }
        List<ConfluenceSite> configured = sites.stream().filter(site -> site.client().isPresent()).toList();
        if (configured.isEmpty()) {
            return sites.get(0).check();
        }
        List<String> errors = new ArrayList<>();
        Instant checkedAt = clock.instant();
        for (ConfluenceSite site : configured) {
            ConnectionCheck check = site.check();
            if (!check.connected()) {
                errors.add("site " + site.name() + ": " + check.error());
            }
        }
        return new ConnectionCheck(errors.isEmpty(), errors.isEmpty() ? null : String.join("; ", errors), checkedAt);
    }

    /**
     * Tests the new settings against the site and, when they work, saves them (token encrypted) and uses them.
     * Nothing changes when the test fails: the caller gets the Confluence error.
     */
    public synchronized void configure(ConfigureRequest request) {
        ConfluenceSettings candidate = candidate(request);
        ConfluenceSites changed = fromRequest(() -> new ConfluenceSites(
                sites.stream().map(ConfluenceSite::settings).toList()).withFirst(candidate));
        ConfluenceClient candidateClient = clients.apply(candidate);
        try {
            candidateClient.testConnection();
            for (String space : candidate.spaces()) {
                candidateClient.space(space);
            }
            saved.save(candidate);
        } catch (RuntimeException e) {
            closeQuietly(candidateClient);
            throw e;
        }
        ConfluenceSite previous = sites.get(0);
        ConfluenceSite replacement = new ConfluenceSite(changed.first(), candidateClient, clock);
        replacement.checked(new ConnectionCheck(true, null, clock.instant()));
        List<ConfluenceSite> now = new ArrayList<>(sites);
        now.set(0, replacement);
        sites = List.copyOf(now);
        previous.close();
    }

    private static void closeQuietly(ConfluenceClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            // a client that fails to close holds nothing the service still needs
        }
    }

    /**
     * Tries settings without saving or using them (the dashboard's "test connection"): the site answers with these
     * credentials and every space exists. A failure goes to the caller with Confluence's reason.
     */
    public ConnectionTest test(ConfigureRequest request) throws IOException {
        ConfluenceSettings candidate = candidate(request);
        try (ConfluenceClient candidateClient = clients.apply(candidate)) {
            candidateClient.testConnection();
            List<SpaceInfo> spaces = candidate.spaces().stream().map(candidateClient::space).toList();
            return new ConnectionTest(true, candidateClient.deployment().settingName(), spaces);
        }
    }

    /**
     * The current settings changed as the request says. A token left out keeps the stored one, but only for the same
     * site: sending the stored token to another URL would hand it to whoever runs that URL.
     */
    private ConfluenceSettings candidate(ConfigureRequest request) {
        boolean tokenGiven = request.apiToken() != null && !request.apiToken().isBlank();
        ConfluenceSettings settings = settings();
        if (!tokenGiven && !settings.apiToken().isEmpty() && !sameSite(settings.url(), request.url())) {
            throw ApiException.badRequest("api_token is required when the url changes (from " + settings.url() + " to "
                    + request.url() + "): the stored token is only ever sent to the site it was saved for");
        }
        ConfluenceSettings candidate = fromRequest(() -> {
            ConfluenceSettings.Builder builder = settings.toBuilder()
                    .url(request.url())
                    .username(request.username() == null ? "" : request.username())
                    .spaces(request.spaces())
                    .enabled(request.enabledOrDefault());
            if (request.apiToken() != null && !request.apiToken().isBlank()) {
                builder.apiToken(request.apiToken());
            }
            if (request.deployment() != null) {
                builder.deployment(Deployment.parse(request.deployment()).orElse(null));
            }
            ConfluenceSettings built = builder.build();
            new SiteUrls(built.url()); // the URL as the client will read it: refused here, it is the caller's input
            return built;
        });
        if (!candidate.isConfigured()) {
            throw ApiException.badRequest("url and api_token are both needed to connect to Confluence");
        }
        return candidate;
    }

    /**
     * Runs a step that checks the request's settings (the URL, the deployment, a space claimed by two sites): what
     * those checks refuse is the caller's input, a 400, not a failure of the service.
     */
    private static <T> T fromRequest(Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException invalid) {
            throw ApiException.badRequest(invalid.getMessage());
        }
    }

    /** Same scheme, host, port and path: the stored token may go there. */
    static boolean sameSite(String stored, String requested) {
        try {
            java.net.URI a = URI.create(stored.trim().replaceAll("/+$", ""));
            java.net.URI b = URI.create(requested.trim().replaceAll("/+$", ""));
            return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                    && a.getPort() == b.getPort() && java.util.Objects.equals(a.getPath(), b.getPath());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The answer of {@code POST /connection/test}: the site answered, as which deployment, with these spaces. */
    public record ConnectionTest(boolean connected, String deployment, List<SpaceInfo> spaces) {
    }

    /** The outcome of the last connection test. */
    public record ConnectionCheck(boolean connected, String error, Instant checkedAt) {
    }
}
