package io.playbooks.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.RunningService;
import io.playbooks.confluence.FakeConfluence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a config.json that points the service at a fake Confluence, and starts the service with it. */
public final class ConnectorTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectorTestSupport() {
    }

    public static RunningService serviceFor(FakeConfluence site, String name, Path workDir, List<String> spaces,
                                     Map<String, String> overrides) throws Exception {
        return serviceFor(site, name, workDir, spaces, Map.of(), overrides);
    }

    /** As above, with more keys for config.json's confluence section (e.g. sync_interval). */
    public static RunningService serviceFor(FakeConfluence site, String name, Path workDir, List<String> spaces,
                                            Map<String, Object> moreConfig, Map<String, String> overrides) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>(overrides);
        properties.put("playbooks.config.file", configFor(site, workDir, spaces, moreConfig).toString());
        return RunningService.start(name, workDir, properties);
    }

    /** Writes {@code workDir/config.json} pointing at the fake site, with more keys for its confluence section. */
    public static Path configFor(FakeConfluence site, Path workDir, List<String> spaces, Map<String, Object> moreConfig)
            throws IOException {
        Map<String, Object> confluence = new LinkedHashMap<>();
        confluence.put("enabled", true);
        confluence.put("url", site.baseUrl());
        var settings = site.settings().build();
        confluence.put("credentials", Map.of("username", settings.username(), "token", settings.apiToken()));
        confluence.put("spaces", spaces);
        confluence.put("space_category_mapping", Map.of("OPS", "operations"));
        confluence.put("http", Map.of("request_timeout_seconds", 5, "max_attempts", 3, "max_backoff_seconds", 1));
        // the fake's pages date from 2024 and link to pages it does not hold: the outdated warnings stay off unless
        // a test turns them on (OutdatedDetectionTest)
        confluence.put("outdated", Map.of("stale_after_days", 0, "dead_links", false));
        confluence.putAll(moreConfig);
        Path config = workDir.resolve("config.json");
        writeJson(config, Map.of("connectors", Map.of("confluence", confluence)));
        return config;
    }

    private static void writeJson(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), value);
    }
}
