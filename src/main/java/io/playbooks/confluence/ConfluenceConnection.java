package io.playbooks.confluence;

import io.playbooks.api.ApiException;
import io.playbooks.api.ConfigureRequest;
import io.playbooks.page.SourcePage;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The Confluence site the service talks to now: its settings and a client for them. {@code POST /configure} swaps
 * both at once after a successful connection test, and saves the settings; routes reach Confluence only through
 * here, so a reconfiguration takes effect for the next call everywhere.
 */
public class ConfluenceConnection {

    private static final Duration CHECK_FRESH_FOR = Duration.ofSeconds(60);

    private final Function<ConfluenceSettings, ConfluenceClient> clients;
    private final SavedConnection saved;
    private final Clock clock;

    private volatile ConfluenceSettings settings;
    private volatile ConfluenceClient client;
    private volatile ConnectionCheck lastCheck;

    public ConfluenceConnection(ConfluenceSettings fromConfig, SavedConnection saved,
                                Function<ConfluenceSettings, ConfluenceClient> clients, Clock clock) {
        this.saved = saved;
        this.clients = clients;
        this.clock = clock;
        this.settings = saved.applyTo(fromConfig);
        this.client = settings.isConfigured() ? clients.apply(settings) : null;
    }

    public ConfluenceSettings settings() {
        return settings;
    }

    /** Whether the schedule should sync: switched on and configured. */
    public boolean enabled() {
        return settings.enabled() && settings.isConfigured();
    }

    /** The client of the current settings; 400 when no Confluence site is configured yet. */
    public ConfluenceClient client() {
        ConfluenceClient current = client;
        if (current == null) {
            throw ApiException.badRequest("Confluence is not configured: set CONFLUENCE_URL and CONFLUENCE_API_TOKEN, "
                    + "fill config/config.json, or POST /api/v1/confluence/configure");
        }
        return current;
    }

    /** What the current client has done so far; all zero while no Confluence site is configured. */
    public ClientStats stats() {
        ConfluenceClient current = client;
        return current == null ? new ClientStats(0, 0, 0, 0, 0) : current.stats();
    }

    /** One page with its body; 404 when Confluence has no such page (or the account cannot see it). */
    public SourcePage page(String pageId) {
        if (pageId == null || pageId.isBlank()) {
            throw ApiException.badRequest("page_id is required");
        }
        return client().page(pageId.trim())
                .orElseThrow(() -> ApiException.notFound("Confluence has no page with id " + pageId + " that this account can see"));
    }

    /** Every page of one space with its body, fetched lazily a listing call at a time. */
    public PageListing pages(String spaceKey) {
        return client().pages(spaceKey);
    }

    /** The pages of one space from a position of an earlier listing on (from the start when it is null or blank). */
    public PageListing pages(String spaceKey, String position) {
        return client().pages(spaceKey, position);
    }

    /** Every page of several spaces, one space after the other. */
    public Iterator<SourcePage> pages(List<String> spaceKeys) {
        ConfluenceClient current = client();
        Iterator<String> spaces = spaceKeys.iterator();
        return new Iterator<>() {
            private Iterator<SourcePage> pages = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!pages.hasNext() && spaces.hasNext()) {
                    pages = current.pages(spaces.next());
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

    /** Whether the site answers with these credentials; tested at most once a minute. */
    public ConnectionCheck check() {
        ConnectionCheck last = lastCheck;
        Instant now = clock.instant();
        if (last != null && last.checkedAt().plus(CHECK_FRESH_FOR).isAfter(now)) {
            return last;
        }
        ConfluenceClient current = client;
        if (current == null) {
            lastCheck = new ConnectionCheck(false, "Confluence is not configured", now);
        } else {
            try {
                current.testConnection();
                lastCheck = new ConnectionCheck(true, null, now);
            } catch (RuntimeException e) {
                lastCheck = new ConnectionCheck(false, e.getMessage(), now);
            }
        }
        return lastCheck;
    }

    /**
     * Tests the new settings against the site and, when they work, saves them (token encrypted) and uses them.
     * Nothing changes when the test fails: the caller gets the Confluence error.
     */
    public synchronized void configure(ConfigureRequest request) {
        ConfluenceSettings candidate = candidate(request);
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
        ConfluenceClient previous = client;
        settings = candidate;
        client = candidateClient;
        lastCheck = new ConnectionCheck(true, null, clock.instant());
        if (previous != null) {
            closeQuietly(previous);
        }
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
        if (!tokenGiven && !settings.apiToken().isEmpty() && !sameSite(settings.url(), request.url())) {
            throw ApiException.badRequest("api_token is required when the url changes (from " + settings.url() + " to "
                    + request.url() + "): the stored token is only ever sent to the site it was saved for");
        }
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
        ConfluenceSettings candidate = builder.build();
        if (!candidate.isConfigured()) {
            throw ApiException.badRequest("url and api_token are both needed to connect to Confluence");
        }
        return candidate;
    }

    /** Same scheme, host, port and path: the stored token may go there. */
    static boolean sameSite(String stored, String requested) {
        try {
            java.net.URI a = java.net.URI.create(stored.trim().replaceAll("/+$", ""));
            java.net.URI b = java.net.URI.create(requested.trim().replaceAll("/+$", ""));
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
