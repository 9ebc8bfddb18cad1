package io.playbooks.confluence;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One Confluence site with its own settings, client (credentials, throttling, request counts) and connection check.
 * Immutable but for the cached check.
 */
public final class ConfluenceSite {

    private static final Duration CHECK_FRESH_FOR = Duration.ofSeconds(60);

    private final ConfluenceSettings settings;
    private final ConfluenceClient client;
    private final Clock clock;
    private volatile ConfluenceConnection.ConnectionCheck lastCheck;

    ConfluenceSite(ConfluenceSettings settings, ConfluenceClient client, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.clock = clock;
    }

    public String name() {
        return settings.name();
    }

    public ConfluenceSettings settings() {
        return settings;
    }

    /** The client; empty while the site has no URL or is switched off. */
    public Optional<ConfluenceClient> client() {
        return Optional.ofNullable(client);
    }

    /** Switched on and configured: the sync and the API use it. */
    public boolean active() {
        return client != null && settings.enabled();
    }

    public ClientStats stats() {
        return client == null ? new ClientStats(0, 0, 0, 0, 0) : client.stats();
    }

    /** Whether the site answers with these credentials; tested at most once a minute. */
    public ConfluenceConnection.ConnectionCheck check() {
        ConfluenceConnection.ConnectionCheck last = lastCheck;
        Instant now = clock.instant();
        if (last != null && last.checkedAt().plus(CHECK_FRESH_FOR).isAfter(now)) {
            return last;
        }
        if (client == null) {
            lastCheck = new ConfluenceConnection.ConnectionCheck(false, "Confluence is not configured", now);
        } else {
            try {
                client.testConnection();
                lastCheck = new ConfluenceConnection.ConnectionCheck(true, null, now);
            } catch (RuntimeException e) {
                lastCheck = new ConfluenceConnection.ConnectionCheck(false, e.getMessage(), now);
            }
        }
        return lastCheck;
    }

    void checked(ConfluenceConnection.ConnectionCheck check) {
        lastCheck = check;
    }

    void close() {
        if (client == null) {
            return;
        }
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            // a client that fails to close holds nothing the service still needs
        }
    }
}
