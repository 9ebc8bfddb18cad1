package io.playbooks.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.api.ConnectorTestSupport;
import io.playbooks.confluence.FakeConfluence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code kill -9} of the service in the middle of a bulk import loses nothing that was reported done: every
 * playbook the progress named is stored after a restart, and the rerun imports each page exactly once.
 */
class KillDuringBulkImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    private FakeConfluence site;
    private final List<Process> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception {
        for (Process node : nodes) {
            node.destroyForcibly().waitFor();
        }
        site.close();
    }

    @Test
    void nothingReportedDoneIsLostAndTheRerunImportsEveryPageOnce() throws Exception {
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        site.addGeneratedPages("OPS", 600);
        site.latency(Duration.ofMillis(150));
        Path config = ConnectorTestSupport.configFor(site, workDir, List.of("OPS"), Map.of());
        int port = ChildService.freePort();

        Process first = start(port, config, "first.log");
        http.sendAsync(post(port, "/bulk-import", "{\"space_key\": \"OPS\"}"), HttpResponse.BodyHandlers.discarding());
        JsonNode progress = awaitDone(port, 200);
        Set<Long> reportedImported = playbookIds(progress.get("imported_playbooks"));
        first.destroyForcibly().waitFor();

        site.latency(Duration.ZERO);
        start(port, config, "second.log");
        JsonNode stored = get(port, "/playbooks");
        JsonNode rerun = send(post(port, "/bulk-import", "{\"space_key\": \"OPS\"}"));
        JsonNode afterRerun = get(port, "/playbooks");

        assertThat(reportedImported).isNotEmpty();
        assertThat(playbookIds(stored.get("playbooks"))).as("every playbook reported imported before the kill")
                .containsAll(reportedImported);
        assertThat(rerun.get("failed_imports").asInt()).isZero();
        assertThat(rerun.get("skipped_imports").asInt()).isGreaterThanOrEqualTo(reportedImported.size());
        assertThat(afterRerun.get("total_confluence_playbooks").asInt()).isEqualTo(rerun.get("discovered_pages").asInt());
        assertThat(afterRerun.get("playbooks").findValuesAsText("version_number")).containsOnly("1");
    }

    private Process start(int port, Path config, String logName) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.server.port", String.valueOf(port));
        properties.put("playbooks.db.url", "jdbc:h2:file:" + workDir.resolve("db/playbooks") + ";AUTO_SERVER=FALSE;WRITE_DELAY=0");
        properties.put("playbooks.config.file", config.toString());
        properties.put("playbooks.data.dir", workDir.resolve("data").toString());
        properties.put("playbooks.offline.dir", Files.createDirectories(workDir.resolve("offline")).toString());
        properties.put("confluence.sync.schedule-paused", "true");
        Path log = workDir.resolve(logName);
        Process node = ChildService.launch(properties, log);
        nodes.add(node);
        ChildService.awaitAnswer(port, node, log);
        return node;
    }

    /** Polls the bulk import's progress until at least {@code pages} pages are done. */
    private JsonNode awaitDone(int port, int pages) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode bulk = get(port, "/sync/status").get("bulk_import");
            if (bulk != null && !bulk.isNull() && bulk.get("done_pages").asInt() >= pages) {
                return bulk;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the bulk import did not reach " + pages + " pages within 120 s");
    }

    private static Set<Long> playbookIds(JsonNode entries) {
        Set<Long> ids = new HashSet<>();
        entries.forEach(entry -> ids.add(entry.get("playbook_id").asLong()));
        return ids;
    }

    private JsonNode get(int port, String path) throws Exception {
        return send(HttpRequest.newBuilder(api(port, path)).GET().build());
    }

    private JsonNode send(HttpRequest request) throws Exception {
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static HttpRequest post(int port, String path, String body) {
        return HttpRequest.newBuilder(api(port, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static URI api(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + "/api/v1/confluence" + path);
    }
}
