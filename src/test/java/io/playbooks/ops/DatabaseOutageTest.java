package io.playbooks.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.RunningService;
import io.playbooks.RunningService.Reply;
import io.playbooks.api.ConnectorTestSupport;
import io.playbooks.confluence.FakeConfluence;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.api.management.ManagedCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL server stops in the middle of the scheduled syncs and comes back: while it is away a sync fails
 * with a database error (503) instead of hanging, the schedule keeps firing, readiness is DOWN; once it is back,
 * readiness is UP and the next scheduled sync catches up with what changed meanwhile, and no version is half stored.
 * The outage here lasts some seconds; nothing in the service depends on how long it lasts.
 */
class DatabaseOutageTest {

    private static final String DATABASE = "outage";

    @TempDir
    Path workDir;

    private EmbeddedPostgres postgres;
    private FakeConfluence site;
    private RunningService service;

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (site != null) {
            site.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theSyncFailsWhileTheDatabaseIsAwayAndCatchesUpWhenItIsBack() throws Exception {
        int port = ChildService.freePort();
        postgres = startPostgres(port);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        site.now(Instant.now());
        site.addAuthoredPages("OPS");
        service = ConnectorTestSupport.serviceFor(site, "outage", workDir, List.of("OPS"), Map.of("sync_interval", 1),
                Map.of("playbooks.db.url", "jdbc:postgresql://localhost:" + port + "/" + DATABASE,
                        "playbooks.db.user", "postgres", "confluence.sync.schedule-paused", "false"));
        await(() -> service.get("/api/v1/confluence/sync/status"),
                reply -> reply.status() == 200 && reply.json().path("last_sync").path("completed").asBoolean(),
                "a completed scheduled sync");
        JsonNode before = service.get("/api/v1/confluence/playbooks").json();
        int playbooks = before.get("total_confluence_playbooks").asInt();
        JsonNode first = before.get("playbooks").get(0);
        String edited = first.get("confluence_page_id").asText();
        await(() -> service.get("/observe/health/ready"), reply -> reply.status() == 200, "readiness UP");

        postgres.close();
        postgres = null;
        site.now(Instant.now());
        site.editPage(edited, site.page(edited).body() + "<p>Edited while the database was away.</p>");
        long ticksAtOutage = scheduleTicks();

        Reply notReady = await(() -> service.get("/observe/health/ready"), reply -> reply.status() == 503, "readiness DOWN");
        Reply failedSync = await(() -> service.post("/api/v1/confluence/sync", "{}"), reply -> reply.status() != 409,
                "a sync that is not refused as already running");
        await(this::scheduleTicks, ticks -> ticks >= ticksAtOutage + 2, "two more ticks of the schedule");

        postgres = startPostgres(port);
        await(() -> service.get("/observe/health/ready"), reply -> reply.status() == 200, "readiness UP again");
        JsonNode caughtUp = await(() -> service.get("/api/v1/confluence/playbooks/" + slugOf(before, edited)),
                reply -> reply.status() == 200 && reply.json().get("version_number").asInt() == 2,
                "the edit imported by a scheduled sync").json();

        assertThat(notReady.body()).contains("\"name\":\"database\"");
        assertThat(failedSync.status()).as(failedSync.body()).isEqualTo(503);
        assertThat(failedSync.json().get("type").asText()).isEqualTo("database_unavailable");
        assertThat(failedSync.json().get("error").asText()).contains("database");
        assertThat(caughtUp.get("confluence_version").asInt()).as("the edit made during the outage")
                .isEqualTo(first.get("confluence_version").asInt() + 1);
        assertThat(service.get("/api/v1/confluence/playbooks").json().get("total_confluence_playbooks").asInt())
                .isEqualTo(playbooks);
        assertNoPartialVersions();
    }

    /** Every playbook has its versions numbered 1..n without a gap (a content version without YAML cannot exist). */
    private void assertNoPartialVersions() throws Exception {
        try (Connection connection = postgres.getDatabase("postgres", DATABASE).getConnection();
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT p.id, COUNT(v.id), MAX(v.version_no) FROM playbooks p"
                     + " LEFT JOIN playbook_versions v ON v.playbook_id = p.id GROUP BY p.id")) {
            while (rows.next()) {
                assertThat(rows.getInt(2)).as("versions of playbook %d", rows.getLong(1)).isPositive().isEqualTo(rows.getInt(3));
            }
        }
    }

    private long scheduleTicks() throws Exception {
        return service.camel().getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedRoute("sync-schedule").getExchangesTotal();
    }

    private static String slugOf(JsonNode playbooks, String pageId) {
        for (JsonNode playbook : playbooks.get("playbooks")) {
            if (playbook.get("confluence_page_id").asText().equals(pageId)) {
                return playbook.get("slug").asText();
            }
        }
        throw new AssertionError("no playbook of page " + pageId);
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder().setOverrideWorkingDirectory(new File("target/embedded-pg"))
                .setDataDirectory(workDir.resolve("pg")).setCleanDataDirectory(false).setPort(port).start();
    }

    /** Polls until the condition holds; fails after two minutes. */
    private static <T> T await(Probe<T> probe, Predicate<T> condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        T value = probe.get();
        while (!condition.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within 120 s; last: " + value);
            }
            Thread.sleep(250);
            value = probe.get();
        }
        return value;
    }

    @FunctionalInterface
    private interface Probe<T> {
        T get() throws Exception;
    }
}
