package io.playbooks.ops;

import io.playbooks.RunningService;
import io.playbooks.api.ConnectorTestSupport;
import io.playbooks.confluence.FakeConfluence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sync service and the Camel routes and endpoints, read and driven through the platform MBean server. */
class SyncServiceMBeanTest {

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    @TempDir
    Path workDir;

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
    }

    @Test
    void routesAndEndpointsAreCamelMBeans() throws Exception {
        service = RunningService.start("jmx-camel", workDir, Map.of());

        assertThat(JMX.queryNames(new ObjectName("org.apache.camel:type=routes,*"), null))
                .extracting(name -> name.getKeyProperty("name"))
                .contains("\"sync\"", "\"import-page\"", "\"sync-schedule\"");
        assertThat(JMX.queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null))
                .extracting(name -> name.getKeyProperty("name"))
                .anySatisfy(name -> assertThat(name).contains("direct://sync"));
    }

    @Test
    void showsTheSyncAndRunsItOnRequest() throws Exception {
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        site.now(Instant.now());
        site.addAuthoredPages("OPS");
        service = ConnectorTestSupport.serviceFor(site, "jmx-sync", workDir, List.of("OPS"), Map.of());
        ObjectName name = new ObjectName(SyncServiceControl.OBJECT_NAME);

        assertThat(JMX.getAttribute(name, "Running")).isEqualTo(false);
        assertThat(JMX.getAttribute(name, "SchedulePaused")).isEqualTo(true);
        assertThat(JMX.getAttribute(name, "ConfluenceEnabled")).isEqualTo(true);
        assertThat(Instant.parse((String) JMX.getAttribute(name, "NextFireTime"))).isAfter(Instant.now().minusSeconds(5));
        assertThat(JMX.getAttribute(name, "LastRunStartedAt")).isEqualTo("");
        assertThat(JMX.getAttribute(name, "PagesImported")).isEqualTo(0L);

        site.failNext(1, 429);
        assertThat((String) JMX.invoke(name, "triggerSync", null, null)).contains("started");
        awaitLastRun(name);

        assertThat(JMX.getAttribute(name, "LastRunCompleted")).isEqualTo(true);
        assertThat(JMX.getAttribute(name, "LastRunCreated")).as("pages edited within max_age_hours").isEqualTo(20);
        assertThat(JMX.getAttribute(name, "LastRunFailed")).isEqualTo(0);
        assertThat((String[]) JMX.getAttribute(name, "LastRunErrors")).isEmpty();
        assertThat(JMX.getAttribute(name, "PagesImported")).isEqualTo(20L);
        assertThat(JMX.getAttribute(name, "PagesFailed")).isEqualTo(0L);
        assertThat((Long) JMX.getAttribute(name, "ThrottleWaits")).isEqualTo(1L);
        assertThat((Long) JMX.getAttribute(name, "ConfluenceRetries")).isEqualTo(1L);
        assertThat((Long) JMX.getAttribute(name, "ConfluenceErrors")).isEqualTo(1L);
        assertThat((Long) JMX.getAttribute(name, "ConfluenceRequests")).isEqualTo(site.requestCount());

        JMX.invoke(name, "resumeSchedule", null, null);
        assertThat(JMX.getAttribute(name, "SchedulePaused")).isEqualTo(false);
        assertThat(service.get("/api/v1/confluence/sync/status").json().get("scheduled").asBoolean()).isTrue();
        JMX.invoke(name, "pauseSchedule", null, null);
        assertThat(JMX.getAttribute(name, "SchedulePaused")).isEqualTo(true);
    }

    @Test
    void refusesToSyncWithoutConfluenceAndLeavesNothingBehindAtStop() throws Exception {
        service = RunningService.start("jmx-unconfigured", workDir, Map.of());
        ObjectName name = new ObjectName(SyncServiceControl.OBJECT_NAME);

        assertThatThrownBy(() -> JMX.invoke(name, "triggerSync", null, null))
                .isInstanceOf(RuntimeMBeanException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("Confluence is not configured");
        assertThat(JMX.getAttribute(name, "ConfluenceRequests")).isEqualTo(0L);

        service.close();
        service = null;
        assertThat(JMX.isRegistered(name)).isFalse();
    }

    private static void awaitLastRun(ObjectName name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!"".equals(JMX.getAttribute(name, "LastRunFinishedAt"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no sync finished within 60 s");
    }
}
