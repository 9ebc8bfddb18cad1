package io.playbooks.confluence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Confluence settings from the hAIveMind-style {@code config/config.json} (section
 * {@code connectors.confluence}, or a top-level {@code confluence} object) and applies the environment overrides
 * {@code CONFLUENCE_URL}, {@code CONFLUENCE_USERNAME}, {@code CONFLUENCE_API_TOKEN}, {@code CONFLUENCE_SPACES},
 * {@code CONFLUENCE_DEPLOYMENT}. String values may hold {@code ${VAR}} placeholders (as hAIveMind's
 * {@code "token": "${CONFLUENCE_API_TOKEN}"}), resolved from the environment; unset variables give "".
 * A missing file gives the defaults. Setting {@code CONFLUENCE_URL} turns the connector on.
 */
public final class ConfluenceSettingsLoader {

    public static final Path DEFAULT_FILE = Path.of("config", "config.json");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, String> env;

    /** @param env environment lookup ({@code System::getenv} in production, a map in tests) */
    public ConfluenceSettingsLoader(Function<String, String> env) {
        this.env = env;
    }

    /** Loads {@code config/config.json} of the working directory with the process environment. */
    public static ConfluenceSettings loadDefault() {
        return new ConfluenceSettingsLoader(System::getenv).load(DEFAULT_FILE);
    }

    /** The default site (the single-site form, else the first listed site) with the environment overrides. */
    public ConfluenceSettings load(Path configFile) {
        return loadSites(configFile).first();
    }

    /**
     * Every site: the single-site form (url and credentials right in the section) is the site named
     * {@value ConfluenceSettings#DEFAULT_SITE}; {@code sites: [{name, url, credentials, spaces, ...}]} adds more, each
     * taking the section's shared keys (sync_interval, http, space_category_mapping...) unless it sets its own, never
     * its credentials. The environment overrides the first site.
     */
    public ConfluenceSites loadSites(Path configFile) {
        List<ConfluenceSettings.Builder> sites = new ArrayList<>();
        JsonNode section = Files.exists(configFile) ? section(read(configFile)) : null;
        try {
            sites.addAll(fileSites(section));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(configFile + ": " + e.getMessage(), e);
        }
        try {
            applyEnvironment(sites.get(0));
            return new ConfluenceSites(sites.stream().map(ConfluenceSettings.Builder::build).toList());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Confluence settings (" + configFile + " + environment): "
                    + e.getMessage(), e);
        }
    }

    private List<ConfluenceSettings.Builder> fileSites(JsonNode section) {
        List<ConfluenceSettings.Builder> out = new ArrayList<>();
        JsonNode listed = section == null ? MissingNode.getInstance() : section.path("sites");
        boolean hasList = !listed.isMissingNode() && !listed.isNull();
        if (hasList && !listed.isArray()) {
            throw new IllegalArgumentException("'sites' must be a list of sites, got " + listed.getNodeType());
        }
        if (!hasList || !text(section, "url").isEmpty()) {
            ConfluenceSettings.Builder single = ConfluenceSettings.builder();
            if (section != null) {
                applyFile(single, section);
            }
            out.add(single);
        }
        for (int i = 0; hasList && i < listed.size(); i++) {
            JsonNode site = listed.get(i);
            String where = "sites[" + i + "]";
            if (!site.isObject()) {
                throw new IllegalArgumentException("'" + where + "' must be an object, got " + site.getNodeType());
            }
            String name = text(site, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("'" + where + ".name' is required");
            }
            ConfluenceSettings.Builder builder = ConfluenceSettings.builder().name(name);
            try {
                applyFile(builder, merged(shared(section), site));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " (" + name + "): " + e.getMessage(), e);
            }
            out.add(builder);
        }
        return out;
    }

    /** The section's keys every site takes unless it sets its own: not the site's address, credentials or spaces. */
    private static ObjectNode shared(JsonNode section) {
        ObjectNode shared = ((ObjectNode) section).deepCopy();
        shared.remove(List.of("sites", "name", "url", "credentials", "username", "api_token", "spaces", "deployment"));
        return shared;
    }

    /** {@code base} with {@code site} laid over it; objects (http, space_category_mapping) merge key by key. */
    private static JsonNode merged(ObjectNode base, JsonNode site) {
        site.fields().forEachRemaining(field -> {
            JsonNode mine = base.get(field.getKey());
            if (mine != null && mine.isObject() && field.getValue().isObject()) {
                base.set(field.getKey(), merged((ObjectNode) mine, field.getValue()));
            } else {
                base.set(field.getKey(), field.getValue());
            }
        });
        return base;
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException(file + " must hold a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static JsonNode section(JsonNode root) {
        JsonNode hive = root.path("connectors").path("confluence");
        if (hive.isObject()) {
            return hive;
        }
        JsonNode flat = root.path("confluence");
        return flat.isObject() ? flat : null;
    }

    private void applyFile(ConfluenceSettings.Builder b, JsonNode c) {
        b.enabled(bool(c, "enabled", false));
        b.url(text(c, "url"));
        b.username(firstText(c.path("credentials"), "username", c, "username"));
        b.apiToken(firstText(c.path("credentials"), "token", c, "api_token"));
        b.spaces(list(c, "spaces"));
        b.deployment(Deployment.parse(text(c, "deployment")));
        b.spaceCategoryMapping(map(c, "space_category_mapping"));
        b.syncIntervalSeconds(integer(c, "sync_interval", 3600));
        b.maxAgeHours(integer(c, "max_age_hours", 24));
        b.autoImportNew(bool(c, "auto_import_new", true));
        b.autoUpdateExisting(bool(c, "auto_update_existing", true));
        b.siteTimeZone(text(c, "site_time_zone"));
        JsonNode http = c.path("http");
        b.connectTimeout(Duration.ofSeconds(integer(http, "connect_timeout_seconds", 10)));
        b.requestTimeout(Duration.ofSeconds(integer(http, "request_timeout_seconds", 60)));
        b.maxConcurrency(integer(http, "max_concurrency", 4));
        b.maxAttempts(integer(http, "max_attempts", 6));
        b.maxBackoff(Duration.ofSeconds(integer(http, "max_backoff_seconds", 60)));
        b.maxRetryAfter(Duration.ofSeconds(integer(http, "max_retry_after_seconds", 300)));
        b.nearLimitPause(Duration.ofMillis(integer(http, "near_limit_pause_ms", 1000)));
        b.pageSize(integer(http, "page_size", 250));
    }

    private void applyEnvironment(ConfluenceSettings.Builder b) {
        String url = env("CONFLUENCE_URL");
        if (url != null) {
            b.url(url).enabled(true);
        }
        String username = env("CONFLUENCE_USERNAME");
        if (username != null) {
            b.username(username);
        }
        String token = env("CONFLUENCE_API_TOKEN");
        if (token != null) {
            b.apiToken(token);
        }
        String spaces = env("CONFLUENCE_SPACES");
        if (spaces != null) {
            b.spaces(splitSpaces(spaces));
        }
        String deployment = env("CONFLUENCE_DEPLOYMENT");
        if (deployment != null) {
            b.deployment(Deployment.parse(deployment));
        }
    }

    /** An environment value, or null when unset or blank (a blank variable does not erase config.json). */
    private String env(String name) {
        String v = env.apply(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    static List<String> splitSpaces(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private String resolve(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null || v.isEmpty()) {
                v = m.group(2) == null ? "" : m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        return m.appendTail(out).toString();
    }

    private String text(JsonNode node, String key) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException("'" + key + "' must be a string, got " + v.getNodeType());
        }
        return resolve(v.asText());
    }

    private String firstText(JsonNode first, String firstKey, JsonNode second, String secondKey) {
        String v = first.isObject() ? text(first, firstKey) : "";
        return v.isEmpty() ? text(second, secondKey) : v;
    }

    private static boolean bool(JsonNode node, String key, boolean dflt) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("'" + key + "' must be true or false, got " + v);
        }
        return v.booleanValue();
    }

    private static int integer(JsonNode node, String key, int dflt) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return dflt;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, got " + v);
        }
        return v.intValue();
    }

    private List<String> list(JsonNode node, String key) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return List.of();
        }
        if (v.isTextual()) {
            return splitSpaces(resolve(v.asText()));
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("'" + key + "' must be a list of space keys, got " + v.getNodeType());
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException("'" + key + "' must hold strings, got " + item);
            }
            String s = resolve(item.asText()).trim();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private Map<String, String> map(JsonNode node, String key) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw new IllegalArgumentException("'" + key + "' must map space keys to categories, got "
                    + v.getNodeType());
        }
        Map<String, String> out = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException("'" + key + "." + e.getKey() + "' must be a category name, got "
                        + e.getValue());
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }
}
