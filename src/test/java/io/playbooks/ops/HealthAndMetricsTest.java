package io.playbooks.ops;

import io.playbooks.RunningService;
import io.playbooks.RunningService.Reply;
import io.playbooks.api.ConnectorTestSupport;
import io.playbooks.confluence.FakeConfluence;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Liveness, readiness and Prometheus metrics over HTTP, on the port of the API. */
class HealthAndMetricsTest {

    @TempDir
    Path workDir;

    private FakeConfluence site;
    private RunningService service;
    private String name;

    @BeforeEach
    void startSite(TestInfo test) {
        name = "ops-" + test.getTestMethod().orElseThrow().getName();
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        site.now(Instant.now());
        site.addAuthoredPages("OPS");
    }

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        site.close();
    }

    @Test
    void readyAndLiveWithTheDatabaseAndConfluenceAsReadinessChecks() throws Exception {
        service = ConnectorTestSupport.serviceFor(site, name, workDir, List.of("OPS"), Map.of());

        assertUp(awaitUp("/observe/health/ready"));
        assertUp(service.get("/observe/health/live"));
        assertUp(service.get("/observe/health"));

        Map<String, HealthCheck.State> readiness = HealthCheckHelper.invokeReadiness(service.camel(), "full").stream()
                .collect(Collectors.toMap(r -> r.getCheck().getId(), HealthCheck.Result::getState));
        assertThat(readiness).containsEntry("database", HealthCheck.State.UP).containsEntry("confluence", HealthCheck.State.UP)
                .containsEntry("route:sync", HealthCheck.State.UP).containsEntry("consumer:offline-folder", HealthCheck.State.UP);
        assertThat(HealthCheckHelper.invokeLiveness(service.camel(), "full"))
                .extracting(r -> r.getCheck().getId()).doesNotContain("database", "confluence");
    }

    @Test
    void notReadyButAliveWhileConfluenceFails() throws Exception {
        site.failNext(Integer.MAX_VALUE, 503);
        service = ConnectorTestSupport.serviceFor(site, name, workDir, List.of("OPS"), Map.of());
        awaitUp("/observe/health/live");

        Reply ready = service.get("/observe/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().get("status").asText()).isEqualTo("DOWN");
        assertThat(ready.body()).contains("\"name\":\"confluence\"", "503");
    }

    @Test
    void metricsShowRouteTimingsPagesThrottleWaitsConversionTimeAndTheImportQueue() throws Exception {
        service = ConnectorTestSupport.serviceFor(site, name, workDir, List.of("OPS"), Map.of());
        site.failNext(1, 429);
        assertThat(service.post("/api/v1/confluence/sync", "{}").status()).isEqualTo(200);

        Reply metrics = service.get("/observe/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.headers().get("content-type")).anySatisfy(type -> assertThat(type).startsWith("text/plain"));
        String body = metrics.body();
        assertThat(value(body, "playbooks_pages_total{outcome=\"created\"}")).isEqualTo(20);
        assertThat(value(body, "playbooks_pages_total{outcome=\"not_playbook\"}")).isEqualTo(10);
        assertThat(value(body, "playbooks_pages_total{outcome=\"failed\"}")).isZero();
        assertThat(value(body, "playbooks_confluence_throttle_waits_total")).isEqualTo(1);
        assertThat(value(body, "playbooks_confluence_requests_total")).isEqualTo(site.requestCount());
        assertThat(value(body, "playbooks_conversion_seconds_count{camelContext=\"confluence-playbooks\"}")).isEqualTo(30);
        assertThat(value(body, "camel_route_policy_seconds_count{camelContext=\"confluence-playbooks\",eventType=\"route\",kind=\"CamelRoute\",routeId=\"sync\"}"))
                .isEqualTo(1);
        assertThat(value(body, "camel_route_policy_seconds_count{camelContext=\"confluence-playbooks\",eventType=\"route\",kind=\"CamelRoute\",routeId=\"import-page\"}"))
                .isEqualTo(30);
        assertThat(body).containsPattern("(?m)^executor_queued_tasks\\{name=\"importPool\\d*\"} ");
    }

    @Test
    void noEventNotifierTakesExchangeEventsWhileTheRouteGaugesStay() throws Exception {
        service = ConnectorTestSupport.serviceFor(site, name, workDir, List.of("OPS"), Map.of());

        // Camel creates exchange events (several per imported page) only while some notifier takes them
        assertThat(service.camel().getCamelContextExtension().isEventNotificationApplicable()).isFalse();
        String body = service.get("/observe/metrics").body();
        assertThat(value(body, "camel_routes_running_routes{camelContext=\"confluence-playbooks\",eventType=\"RouteEvent\",kind=\"CamelRoute\"}"))
                .isEqualTo(service.camel().getRoutes().size());
    }

    /**
     * Probes until a check says UP (or 30 s pass): polling consumers, such as the offline folder's, count as down
     * until their first poll.
     */
    private Reply awaitUp(String path) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        Reply reply = service.get(path);
        while (reply.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            reply = service.get(path);
        }
        return reply;
    }

    private static void assertUp(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("UP");
    }

    /** The value of the sample that starts with {@code series} (name and labels exactly as Prometheus prints them). */
    private static double value(String exposition, String series) {
        return exposition.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no sample " + series));
    }
}
