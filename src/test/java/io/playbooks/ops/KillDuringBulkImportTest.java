package io.playbooks.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.api.ConnectorTestSupport;
import io.playbooks.confluence.FakeConfluence;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code kill -9} of the service in the middle of a bulk import loses nothing that was reported done: every
 * playbook the progress named is stored after a restart, the rerun resumes where the killed run stood, and in the
 * end each page is imported exactly once. The killed service has H2 hold its commits in memory far longer than the
 * test runs: only what the service's flush points wrote is in the file.
 */
class KillDuringBulkImportTest extends ChildOnH2FileTest {

    @Test
    void nothingReportedDoneIsLostAndTheRerunImportsEveryPageOnce() throws Exception {
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        site.addGeneratedPages("OPS", 600);
        site.latency(Duration.ofMillis(150));
        Path config = ConnectorTestSupport.configFor(site, workDir, List.of("OPS"), Map.of());
        int port = ChildService.freePort();
        ChildApi api = new ChildApi(port);

        Process first = start(port, config, "first.log", ChildService.COMMITS_HELD_IN_MEMORY);
        api.postInBackground("/bulk-import", "{\"space_key\": \"OPS\"}");
        JsonNode progress = api.awaitBulkImport(bulk -> bulk.get("done_pages").asInt() >= 200, "200 pages done");
        Set<Long> reportedImported = playbookIds(progress.get("imported_playbooks"));
        first.destroyForcibly().waitFor();

        site.latency(Duration.ZERO);
        start(port, config, "second.log", ChildService.DEFAULT_WRITE_DELAY_MS);
        JsonNode stored = api.get("/playbooks");
        JsonNode rerun = api.post("/bulk-import", "{\"space_key\": \"OPS\"}");
        JsonNode fromScratch = api.post("/bulk-import", "{\"space_key\": \"OPS\"}");
        JsonNode afterAll = api.get("/playbooks");

        assertThat(reportedImported).isNotEmpty();
        assertThat(playbookIds(stored.get("playbooks"))).as("every playbook reported imported before the kill")
                .containsAll(reportedImported);
        assertThat(rerun.get("resumed").asBoolean()).isTrue();
        assertThat(rerun.get("pages_done_before").asInt()).isGreaterThanOrEqualTo(progress.get("done_pages").asInt());
        assertThat(rerun.get("failed_imports").asInt()).isZero();
        assertThat(fromScratch.get("resumed").asBoolean()).isFalse();
        // it failed once in CI (one page imported by this third run): say which page and what the runs logged
        assertThat(fromScratch.get("successful_imports").asInt()).as(() -> "nothing left to import; the third run "
                + "imported " + fromScratch.get("imported_playbooks") + "\nthe killed run's last progress: " + progress
                + "\nthe rerun: " + rerun + "\nkilled run's log ends:\n" + tail("first.log", 40)
                + "\nrestarted service's log ends:\n" + tail("second.log", 80)).isZero();
        // it failed once in CI (401 stored, 400 discovered): say which corpus pages were stored how often
        assertThat(afterAll.get("total_confluence_playbooks").asInt()).as(() -> "stored per corpus page (600 pages cycle"
                + " through the 30 authored ones): " + storedPerCorpusPage(afterAll.get("playbooks")) + "\nthe rerun: "
                + rerun + "\nkilled run's log ends:\n" + tail("first.log", 40) + "\nrestarted service's log ends:\n"
                + tail("second.log", 80)).isEqualTo(fromScratch.get("discovered_pages").asInt());
        assertThat(afterAll.get("playbooks").findValuesAsText("version_number")).containsOnly("1");
    }

    /** How many playbooks were stored of each authored page ("Deploy the API #37" is the 37th page, of "Deploy the API"). */
    private static Map<String, Integer> storedPerCorpusPage(JsonNode playbooks) {
        Map<String, Integer> counts = new TreeMap<>();
        playbooks.forEach(playbook -> counts.merge(playbook.get("name").asText().replaceFirst(" #\\d+$", ""), 1, Integer::sum));
        return counts;
    }

    private static Set<Long> playbookIds(JsonNode entries) {
        Set<Long> ids = new HashSet<>();
        entries.forEach(entry -> ids.add(entry.get("playbook_id").asLong()));
        return ids;
    }
}
