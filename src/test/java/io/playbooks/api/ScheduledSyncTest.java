package io.playbooks.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.RunningService;
import io.playbooks.confluence.FakeConfluence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Quartz schedule of config.json's sync_interval runs the same sync route as POST /sync. */
class ScheduledSyncTest {

    @TempDir
    Path workDir;

    private FakeConfluence site;
    private RunningService service;

    @AfterEach
    void stop() throws Exception {
        service.close();
        site.close();
    }

    @Test
    void theScheduleSyncsOnItsOwnAndReportsTheNextRun() throws Exception {
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        site.now(Instant.now());
        site.addAuthoredPages("OPS");
        service = ConnectorTestSupport.serviceFor(site, "scheduled-sync", workDir, List.of("OPS"),
                Map.of("sync_interval", 1), Map.of("confluence.sync.schedule-paused", "false"));

        JsonNode status = awaitLastSync();

        assertThat(status.get("scheduled").asBoolean()).isTrue();
        assertThat(status.get("next_run").asText()).isNotBlank();
        assertThat(status.get("last_sync").get("completed").asBoolean()).isTrue();
        assertThat(service.get("/api/v1/confluence/playbooks").json().get("total_confluence_playbooks").asInt())
                .as("the pages edited within max_age_hours, imported by the schedule alone").isEqualTo(20);
    }

    private JsonNode awaitLastSync() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = service.get("/api/v1/confluence/sync/status").json();
            if (!status.get("last_sync").isNull()) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no scheduled sync ran within 60 s");
    }
}
