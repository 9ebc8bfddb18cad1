package io.playbooks.confluence;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the connector needs to know about the Confluence site and how to treat it. Built by
 * {@link ConfluenceSettingsLoader} from {@code config/config.json} plus the environment overrides, or by tests through
 * {@link #builder()}. {@link #toString()} never shows the token.
 *
 * @param enabled              whether the connector runs at all
 * @param url                  site base URL: Cloud {@code https://x.atlassian.net/wiki}, Data Center {@code https://host[/context]}
 * @param username             Cloud account e-mail; blank on Data Center, where the token is a personal access token
 * @param apiToken             Cloud API token or Data Center personal access token
 * @param spaces               space keys to import and sync
 * @param deployment           cloud or datacenter; empty means decide at the first call
 * @param syncIntervalSeconds  seconds between scheduled syncs
 * @param maxAgeHours          how far back a sync without a watermark looks
 * @param autoImportNew        whether a sync imports pages it has not seen
 * @param autoUpdateExisting   whether a sync updates pages already imported
 * @param spaceCategoryMapping space key -> playbook category
 * @param siteTimeZone         the zone CQL reads dates in ({@code auto}: ask the site, see {@link SiteTimeZone})
 * @param connectTimeout       time to open a connection
 * @param requestTimeout       time to wait for a response once connected
 * @param maxConcurrency       requests in flight at once, across all threads
 * @param maxAttempts          attempts per request before giving up on 429/503/5xx/time-outs
 * @param maxBackoff           cap of the exponential back-off between attempts
 * @param maxRetryAfter        longest {@code Retry-After} honoured; longer ones are cut to this
 * @param nearLimitPause       pause after a response that says {@code X-RateLimit-NearLimit: true}
 * @param pageSize             results per listing call (Confluence may return fewer; paging follows the next links)
 * @param name                 the site's name in config.json's {@code sites} list; {@value #DEFAULT_SITE} for the
 *                             single-site form
 */
public record ConfluenceSettings(boolean enabled, String url, String username, String apiToken, List<String> spaces,
                                 Optional<Deployment> deployment, int syncIntervalSeconds, int maxAgeHours,
                                 boolean autoImportNew, boolean autoUpdateExisting,
                                 Map<String, String> spaceCategoryMapping, String siteTimeZone,
                                 Duration connectTimeout, Duration requestTimeout, int maxConcurrency, int maxAttempts,
                                 Duration maxBackoff, Duration maxRetryAfter, Duration nearLimitPause, int pageSize,
                                 String name) {

    /** Category of pages whose space has no entry in the mapping (the playbook format's default). */
    public static final String DEFAULT_CATEGORY = "general";
    /** Name of the site of config.json's single-site form (url and credentials right under the section). */
    public static final String DEFAULT_SITE = "default";

    public ConfluenceSettings {
        url = url == null ? "" : url.trim();
        username = username == null ? "" : username.trim();
        apiToken = apiToken == null ? "" : apiToken.trim();
        spaces = spaces == null ? List.of() : List.copyOf(spaces);
        deployment = deployment == null ? Optional.empty() : deployment;
        spaceCategoryMapping = spaceCategoryMapping == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(spaceCategoryMapping));
        siteTimeZone = siteTimeZone == null || siteTimeZone.isBlank() ? SiteTimeZone.AUTO : siteTimeZone.trim();
        name = name == null || name.isBlank() ? DEFAULT_SITE : name.trim();
        requirePositive("sync_interval", syncIntervalSeconds);
        requirePositive("max_age_hours", maxAgeHours);
        requirePositive("max_concurrency", maxConcurrency);
        requirePositive("max_attempts", maxAttempts);
        requirePositive("page_size", pageSize);
        requirePositive("connect_timeout", connectTimeout);
        requirePositive("request_timeout", requestTimeout);
        requirePositive("max_backoff", maxBackoff);
        requirePositive("max_retry_after", maxRetryAfter);
        if (nearLimitPause == null || nearLimitPause.isNegative()) {
            throw new IllegalArgumentException("near_limit_pause must be zero or more, got " + nearLimitPause);
        }
    }

    /** The defaults of a fresh install: connector off, nothing configured. */
    public static ConfluenceSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** True when the connector is on and has a site to talk to. */
    public boolean isConfigured() {
        return enabled && !url.isEmpty();
    }

    /** Basic auth (e-mail + API token) when a username is set, else the token is a Data Center PAT sent as Bearer. */
    public boolean usesBearerToken() {
        return username.isEmpty();
    }

    /** The playbook category of a space: from {@code space_category_mapping}, else {@value #DEFAULT_CATEGORY}. */
    public String categoryFor(String spaceKey) {
        return spaceCategoryMapping.getOrDefault(spaceKey, DEFAULT_CATEGORY);
    }

    @Override
    public String toString() {
        return "ConfluenceSettings[name=" + name + ", enabled=" + enabled + ", url=" + url + ", username=" + username
                + ", apiToken=" + (apiToken.isEmpty() ? "(none)" : "****") + ", spaces=" + spaces
                + ", deployment=" + deployment.map(Deployment::settingName).orElse("auto")
                + ", syncIntervalSeconds=" + syncIntervalSeconds + ", maxAgeHours=" + maxAgeHours
                + ", autoImportNew=" + autoImportNew + ", autoUpdateExisting=" + autoUpdateExisting
                + ", spaceCategoryMapping=" + spaceCategoryMapping + ", siteTimeZone=" + siteTimeZone
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxConcurrency=" + maxConcurrency + ", maxAttempts=" + maxAttempts + ", maxBackoff=" + maxBackoff
                + ", maxRetryAfter=" + maxRetryAfter + ", nearLimitPause=" + nearLimitPause + ", pageSize=" + pageSize
                + "]";
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }

    /** Mutable builder; its initial values are the defaults of a fresh install. */
    public static final class Builder {
        private boolean enabled;
        private String url = "";
        private String username = "";
        private String apiToken = "";
        private List<String> spaces = List.of();
        private Optional<Deployment> deployment = Optional.empty();
        private int syncIntervalSeconds = 3600;
        private int maxAgeHours = 24;
        private boolean autoImportNew = true;
        private boolean autoUpdateExisting = true;
        private Map<String, String> spaceCategoryMapping = Map.of();
        private String siteTimeZone = SiteTimeZone.AUTO;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int maxConcurrency = 4;
        private int maxAttempts = 6;
        private Duration maxBackoff = Duration.ofSeconds(60);
        private Duration maxRetryAfter = Duration.ofMinutes(5);
        private Duration nearLimitPause = Duration.ofSeconds(1);
        private int pageSize = 250;
        private String name = DEFAULT_SITE;

        private Builder() {
        }

        private Builder(ConfluenceSettings s) {
            enabled = s.enabled;
            url = s.url;
            username = s.username;
            apiToken = s.apiToken;
            spaces = s.spaces;
            deployment = s.deployment;
            syncIntervalSeconds = s.syncIntervalSeconds;
            maxAgeHours = s.maxAgeHours;
            autoImportNew = s.autoImportNew;
            autoUpdateExisting = s.autoUpdateExisting;
            spaceCategoryMapping = s.spaceCategoryMapping;
            siteTimeZone = s.siteTimeZone;
            connectTimeout = s.connectTimeout;
            requestTimeout = s.requestTimeout;
            maxConcurrency = s.maxConcurrency;
            maxAttempts = s.maxAttempts;
            maxBackoff = s.maxBackoff;
            maxRetryAfter = s.maxRetryAfter;
            nearLimitPause = s.nearLimitPause;
            pageSize = s.pageSize;
            name = s.name;
        }

        public Builder enabled(boolean v) { enabled = v; return this; }
        public Builder url(String v) { url = v; return this; }
        public Builder username(String v) { username = v; return this; }
        public Builder apiToken(String v) { apiToken = v; return this; }
        public Builder spaces(List<String> v) { spaces = v; return this; }
        public Builder deployment(Optional<Deployment> v) { deployment = v; return this; }
        public Builder deployment(Deployment v) { deployment = Optional.ofNullable(v); return this; }
        public Builder syncIntervalSeconds(int v) { syncIntervalSeconds = v; return this; }
        public Builder maxAgeHours(int v) { maxAgeHours = v; return this; }
        public Builder autoImportNew(boolean v) { autoImportNew = v; return this; }
        public Builder autoUpdateExisting(boolean v) { autoUpdateExisting = v; return this; }
        public Builder spaceCategoryMapping(Map<String, String> v) { spaceCategoryMapping = v; return this; }
        public Builder siteTimeZone(String v) { siteTimeZone = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
        public Builder maxConcurrency(int v) { maxConcurrency = v; return this; }
        public Builder maxAttempts(int v) { maxAttempts = v; return this; }
        public Builder maxBackoff(Duration v) { maxBackoff = v; return this; }
        public Builder maxRetryAfter(Duration v) { maxRetryAfter = v; return this; }
        public Builder nearLimitPause(Duration v) { nearLimitPause = v; return this; }
        public Builder pageSize(int v) { pageSize = v; return this; }
        public Builder name(String v) { name = v; return this; }

        public ConfluenceSettings build() {
            return new ConfluenceSettings(enabled, url, username, apiToken, spaces, deployment, syncIntervalSeconds,
                    maxAgeHours, autoImportNew, autoUpdateExisting, spaceCategoryMapping, siteTimeZone, connectTimeout,
                    requestTimeout, maxConcurrency, maxAttempts, maxBackoff, maxRetryAfter, nearLimitPause, pageSize,
                    name);
        }
    }
}
