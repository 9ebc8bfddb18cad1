package io.playbooks.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.api.ConnectorTestSupport;
import io.playbooks.confluence.FakeConfluence;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SIGTERM in the middle of a bulk import: the service finishes the pages in hand, records the run as interrupted
 * at its listing position, and exits; the next start resumes from that position (the listing calls before it are
 * not made again) and ends with every page imported once.
 */
class SigtermDuringBulkImportTest extends ChildOnH2FileTest {

    private static final int PAGES = 300;
    private static final int PAGE_SIZE = 10;
    private static final String LISTING = "/api/v2/spaces/";

    @Test
    void theInterruptedImportIsRecordedAndResumedFromItsPosition() throws Exception {
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        site.addGeneratedPages("OPS", PAGES);
        site.latency(Duration.ofMillis(100));
        Path config = ConnectorTestSupport.configFor(site, workDir, List.of("OPS"), Map.of("http",
                Map.of("request_timeout_seconds", 5, "max_attempts", 3, "max_backoff_seconds", 1, "page_size", PAGE_SIZE)));
        int port = ChildService.freePort();
        ChildApi api = new ChildApi(port);

        Process first = start(port, config, "first.log", ChildService.DEFAULT_WRITE_DELAY_MS);
        api.postInBackground("/bulk-import", "{\"space_key\": \"OPS\"}");
        api.awaitBulkImport(bulk -> bulk.get("done_pages").asInt() >= 60, "60 pages done");
        first.destroy();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the service stops after SIGTERM").isTrue();

        StoppedRun stopped = stoppedRun();
        assertThat(stopped.state).as(() -> "the stopped service's log ends:\n" + tail("first.log", 60))
                .isEqualTo("interrupted");
        assertThat(stopped.pagesDone).as("pages recorded done").isBetween(60, PAGES - 1);
        assertThat(stopped.versions).as("every page done is stored, none half").isEqualTo(playbookVersionsWithin(stopped));
        assertThat(Files.readString(workDir.resolve("first.log"))).contains("interrupted by a shutdown");
        String position = URI.create(stopped.position).getRawQuery();
        assertThat(position).contains("cursor=");

        site.resetRequests();
        site.latency(Duration.ZERO);
        start(port, config, "second.log", ChildService.DEFAULT_WRITE_DELAY_MS);
        JsonNode resumed = api.awaitBulkImport(bulk -> !bulk.get("running").asBoolean(), "its end");
        List<String> listingCalls = site.requestedUrls().stream().filter(u -> u.contains(LISTING) && u.contains("/pages")).toList();
        JsonNode playbooks = api.get("/playbooks");

        assertThat(resumed.get("resumed").asBoolean()).isTrue();
        assertThat(resumed.get("interrupted").asBoolean()).isFalse();
        assertThat(resumed.get("listing_complete").asBoolean()).isTrue();
        assertThat(resumed.get("failed_imports").asInt()).isZero();
        assertThat(resumed.get("pages_done_before").asInt()).isEqualTo(stopped.pagesDone);
        assertThat(listingCalls.get(0)).as("the first listing call of the resumed run is the recorded position")
                .endsWith(decoded(position));
        int answersBefore = PAGES / PAGE_SIZE - listingCalls.size();
        assertThat(answersBefore).as("listing answers not fetched again").isPositive();
        assertThat(resumed.get("total_pages").asInt()).as("pages listed by the resumed run")
                .isEqualTo(PAGES - answersBefore * PAGE_SIZE);
        assertThat(playbooks.get("playbooks").findValuesAsText("version_number")).containsOnly("1");
        assertThat(playbooks.get("total_confluence_playbooks").asInt()).isEqualTo(stopped.versions
                + resumed.get("successful_imports").asInt());
        JsonNode fromScratch = api.post("/bulk-import", "{\"space_key\": \"OPS\"}");
        assertThat(fromScratch.get("resumed").asBoolean()).as("the finished run left nothing to resume").isFalse();
        assertThat(fromScratch.get("successful_imports").asInt()).isZero();
        assertThat(fromScratch.get("skipped_imports").asInt()).isEqualTo(playbooks.get("total_confluence_playbooks").asInt());
    }

    private record StoppedRun(String state, String position, int pagesDone, int versions) {
    }

    /** The run as the stopped service left it in its database. */
    private StoppedRun stoppedRun() throws Exception {
        try (Connection db = DriverManager.getConnection(ChildService.h2Url(workDir), "", "");
             Statement sql = db.createStatement()) {
            int versions = count(sql, "SELECT COUNT(*) FROM playbook_versions");
            try (ResultSet run = sql.executeQuery("SELECT r.state, (SELECT p.position FROM bulk_import_pages p"
                    + " ORDER BY p.done_order DESC FETCH FIRST 1 ROWS ONLY), (SELECT COUNT(*) FROM bulk_import_pages)"
                    + " FROM bulk_import_runs r WHERE r.space_key = 'OPS'")) {
                assertThat(run.next()).as("a recorded bulk import").isTrue();
                return new StoppedRun(run.getString(1), run.getString(2), run.getInt(3), versions);
            }
        }
    }

    private int playbookVersionsWithin(StoppedRun run) throws Exception {
        try (Connection db = DriverManager.getConnection(ChildService.h2Url(workDir), "", "");
             Statement sql = db.createStatement()) {
            return count(sql, "SELECT COUNT(*) FROM playbook_versions v JOIN playbooks p ON p.id = v.playbook_id"
                    + " JOIN bulk_import_pages d ON d.page_id = p.page_id");
        }
    }

    private static int count(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String decoded(String rawQuery) {
        return URLDecoder.decode(rawQuery, StandardCharsets.UTF_8);
    }
}
