package io.playbooks.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.RunningService;
import io.playbooks.storage.FlagKind;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.PlaybookSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /search} of the running service over the imported samples, and how its index follows the routes. */
class SearchApiTest {

    @TempDir
    Path work;
    private RunningService service;

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void answersRankedHitsWithSnippetReasonAndIndexState(TestInfo test) throws Exception {
        start(test, "3600000");

        JsonNode found = service.get("/api/v1/confluence/search?q=restart+the+shipment+api&limit=3&space_key=OPS").json();

        assertThat(found.get("results").size()).isBetween(1, 3);
        JsonNode best = found.get("results").get(0);
        assertThat(best.get("slug").asText()).isEqualTo("restart-the-shipment-api");
        assertThat(best.get("space_key").asText()).isEqualTo("OPS");
        assertThat(best.get("reason").asText()).startsWith("matched 3 of 3 words: 'restart' in title");
        assertThat(best.get("snippet").asText()).isEqualTo("Restart the shipment API");
        assertThat(best.get("outdated").asBoolean()).isFalse();
        // the hit's link reads the playbook and is counted as an opened search hit
        String open = best.get("open").asText();
        assertThat(open).isEqualTo("/api/v1/confluence/playbooks/restart-the-shipment-api?from=search");
        assertThat(service.get(open).json().get("slug").asText()).isEqualTo("restart-the-shipment-api");
        assertThat(found.get("index").get("playbooks").asInt()).isEqualTo(8);
        assertThat(found.get("index").get("semantic_ready").asBoolean()).isFalse();
    }

    @Test
    void badInputIsA400NamingTheParameter(TestInfo test) throws Exception {
        start(test, "3600000");

        assertBadRequest("/api/v1/confluence/search?q=", "q is required");
        assertBadRequest("/api/v1/confluence/search", "q is required");
        assertBadRequest("/api/v1/confluence/search?q=%3F%21", "holds no word to look for");
        assertBadRequest("/api/v1/confluence/search?q=nginx&limit=0", "limit must be a whole number from 1 to 100, not '0'");
        assertBadRequest("/api/v1/confluence/search?q=nginx&limit=500", "not '500'");
        assertBadRequest("/api/v1/confluence/search?q=nginx&limit=ten", "not 'ten'");
    }

    @Test
    void theAnnouncementOfAnImportIndexesIt(TestInfo test) throws Exception {
        // no catch-up tick during the test: only the announcement can index the imported pages
        start(test, "3600000");
        SearchIndex index = service.camel().getRegistry().lookupByNameAndType("searchIndex", SearchIndex.class);

        await(() -> index.status().playbooks() == 8, "the eight sample playbooks indexed");
    }

    @Test
    void theCatchUpTickFindsAPlaybookMarkedOutdated(TestInfo test) throws Exception {
        start(test, "100");
        PlaybookStore store = service.camel().getRegistry().lookupByNameAndType("playbookStore", PlaybookStore.class);
        SearchIndex index = service.camel().getRegistry().lookupByNameAndType("searchIndex", SearchIndex.class);
        PlaybookSummary purge = store.list().stream().filter(p -> p.confluencePageId().equals("730012")).findFirst()
                .orElseThrow();

        store.markOutdated("PLATFORM", "730012", FlagKind.DELETED, "page 730012 was deleted from space PLATFORM");

        await(() -> index.summary(purge.playbookId()).map(PlaybookSummary::outdated).orElse(false),
                "the outdated flag in the index");
        JsonNode hit = service.get("/api/v1/confluence/search?q=purge+cdn+cache").json().get("results").get(0);
        assertThat(hit.get("outdated").asBoolean()).isTrue();
        assertThat(hit.get("outdated_reason").asText()).isEqualTo("page 730012 was deleted from space PLATFORM");
    }

    private void start(TestInfo test, String catchUpMillis) throws Exception {
        Path offline = Files.createDirectories(work.resolve("offline"));
        try (Stream<Path> samples = Files.list(Path.of("samples"))) {
            for (Path sample : samples.toList()) {
                Files.copy(sample, offline.resolve(sample.getFileName()));
            }
        }
        service = RunningService.start("search-api-" + test.getTestMethod().orElseThrow().getName(), work,
                Map.of("playbooks.offline.poll-delay-ms", "200", "playbooks.search.catch-up-ms", catchUpMillis));
        await(() -> service.get("/api/v1/confluence/playbooks").json().get("total_confluence_playbooks").asInt() == 8,
                "the eight sample playbooks imported");
    }

    private void assertBadRequest(String path, String message) {
        RunningService.Reply reply = service.get(path);
        assertThat(reply.status()).as(path).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).as(path).contains(message);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited a minute for " + what);
            }
            SearchFixture.sleep(50);
        }
    }
}
