package io.playbooks.confluence;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link FakeConfluence} (WireMock, Confluence Cloud) as a process of its own, for clients outside the JVM
 * (.ci/mcp-clients.sh): serves space OPS with the authored pages, writes its base URL, credentials and the page ids
 * by title to the file named by the first argument, and runs until its standard input closes.
 */
public final class FakeConfluenceServer {

    private FakeConfluenceServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: FakeConfluenceServer <site.json to write>");
            System.exit(2);
        }
        try (FakeConfluence site = FakeConfluence.cloud().start()) {
            site.addSpace("OPS", "Operations");
            Map<String, String> pages = new LinkedHashMap<>();
            site.addAuthoredPages("OPS").forEach(page -> pages.put(page.title(), page.id));
            site.now(Instant.now());
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("base_url", site.baseUrl());
            description.put("username", FakeConfluence.CLOUD_USER);
            description.put("token", FakeConfluence.CLOUD_TOKEN);
            description.put("pages", pages);
            Path file = Path.of(args[0]);
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), description);
            Files.move(partial, file);
            System.err.println("fake Confluence at " + site.baseUrl() + "; close stdin to stop");
            while (System.in.read() >= 0) {
                // runs until the script that started it closes our stdin
            }
        }
    }
}
