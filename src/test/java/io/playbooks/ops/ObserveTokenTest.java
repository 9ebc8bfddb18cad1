package io.playbooks.ops;

import io.playbooks.RunningService;
import io.playbooks.RunningService.Reply;
import io.playbooks.api.ConnectorTestSupport;
import io.playbooks.confluence.FakeConfluence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With PLAYBOOKS_API_TOKEN set: metrics and the detailed health report need the token; the liveness and readiness
 * probes stay open for orchestrators but say only UP or DOWN, unless playbooks.observe.open-probes is false.
 */
class ObserveTokenTest {

    private static final String TOKEN = "observe-s3cret";

    @TempDir
    Path workDir;

    private FakeConfluence site;
    private RunningService service;
    private String name;

    @BeforeEach
    void startSite(TestInfo test) {
        name = "observe-" + test.getTestMethod().orElseThrow().getName();
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        site.now(Instant.now());
        // Confluence down: readiness is DOWN with a reason that names the site, which only the token may see
        site.failNext(Integer.MAX_VALUE, 503);
    }

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        site.close();
    }

    @Test
    void metricsAndTheDetailedHealthNeedTheToken() throws Exception {
        service = start(Map.of("playbooks.api.token", TOKEN));

        Reply metrics = service.get("/observe/metrics");
        Reply wrongToken = service.get("/observe/metrics", "guess");
        Reply health = service.get("/observe/health");

        assertThat(metrics.status()).isEqualTo(401);
        assertThat(metrics.headers()).containsKey("www-authenticate");
        assertThat(metrics.json().get("error").asText()).contains("bearer token", "/observe/health/ready");
        assertThat(metrics.body()).doesNotContain("playbooks_pages_total");
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(health.status()).isEqualTo(401);
        assertThat(service.get("/observe/metrics", TOKEN).body()).contains("playbooks_pages_total");
        assertThat(service.get("/observe/health", TOKEN).body()).contains("\"name\":\"confluence\"");
    }

    @Test
    void probesAnswerWithoutTheTokenButShowNoDetails() throws Exception {
        service = start(Map.of("playbooks.api.token", TOKEN));

        Reply live = awaitStatus("/observe/health/live", 200);
        Reply ready = awaitStatus("/observe/health/ready", 503);
        Reply readyWithToken = service.get("/observe/health/ready", TOKEN);

        assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(ready.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(readyWithToken.status()).isEqualTo(503);
        assertThat(readyWithToken.body()).contains("\"name\":\"confluence\"", "503");
    }

    @Test
    void probesNeedTheTokenWhenTheyAreNotOpen() throws Exception {
        service = start(Map.of("playbooks.api.token", TOKEN, "playbooks.observe.open-probes", "false"));

        assertThat(service.get("/observe/health/live").status()).isEqualTo(401);
        assertThat(service.get("/observe/health/ready").status()).isEqualTo(401);
        assertThat(awaitStatus("/observe/health/live", 200, TOKEN).json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void withoutATokenEverythingStaysOpenOnLoopback() throws Exception {
        service = start(Map.of());

        assertThat(service.get("/observe/metrics").status()).isEqualTo(200);
        assertThat(awaitStatus("/observe/health/ready", 503).body()).contains("\"name\":\"confluence\"");
    }

    private RunningService start(Map<String, String> overrides) throws Exception {
        return ConnectorTestSupport.serviceFor(site, name, workDir, List.of("OPS"), overrides);
    }

    private Reply awaitStatus(String path, int status) throws InterruptedException {
        return awaitStatus(path, status, null);
    }

    /** Probes until the status comes (or 30 s pass): polling consumers count as down until their first poll. */
    private Reply awaitStatus(String path, int status, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Reply reply = token == null ? service.get(path) : service.get(path, token);
        while (reply.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(200);
            reply = token == null ? service.get(path) : service.get(path, token);
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return reply;
    }
}
