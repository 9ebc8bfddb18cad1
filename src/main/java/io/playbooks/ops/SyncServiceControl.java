package io.playbooks.ops;

import io.playbooks.api.StatusReport;
import io.playbooks.confluence.ConfluenceConnection;
import io.playbooks.sync.ConfluenceSync;
import io.playbooks.sync.ImportOutcome;
import io.playbooks.sync.SyncReport;
import org.apache.camel.ProducerTemplate;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** The JMX view and controls of the sync service; see {@link SyncServiceControlMBean}. */
public class SyncServiceControl implements SyncServiceControlMBean {

    public static final String OBJECT_NAME = "io.playbooks:type=SyncService";

    private final ConfluenceSync sync;
    private final ConfluenceConnection confluence;
    private final StatusReport statusReport;
    private final ImportCounts imports;
    private final ProducerTemplate producer;

    public SyncServiceControl(ConfluenceSync sync, ConfluenceConnection confluence, StatusReport statusReport,
                              ImportCounts imports, ProducerTemplate producer) {
        this.sync = sync;
        this.confluence = confluence;
        this.statusReport = statusReport;
        this.imports = imports;
        this.producer = producer;
    }

    @Override
    public boolean isRunning() {
        return sync.status().running();
    }

    @Override
    public boolean isSchedulePaused() {
        return sync.status().schedulePaused();
    }

    @Override
    public boolean isConfluenceEnabled() {
        return confluence.enabled();
    }

    @Override
    public String getNextFireTime() {
        return text(statusReport.nextRun());
    }

    @Override
    public String getRunningSince() {
        return text(sync.status().runningSince());
    }

    @Override
    public String getLastRunStartedAt() {
        return lastRun(SyncReport::startedAt).map(SyncServiceControl::text).orElse("");
    }

    @Override
    public String getLastRunFinishedAt() {
        return lastRun(SyncReport::finishedAt).map(SyncServiceControl::text).orElse("");
    }

    @Override
    public Boolean getLastRunCompleted() {
        return lastRun(SyncReport::completed).orElse(null);
    }

    @Override
    public int getLastRunChecked() {
        return lastRun(SyncReport::checkedPlaybooks).orElse(0);
    }

    @Override
    public int getLastRunCreated() {
        return lastRun(SyncReport::newPlaybooks).orElse(0);
    }

    @Override
    public int getLastRunUpdated() {
        return lastRun(SyncReport::updatedPlaybooks).orElse(0);
    }

    @Override
    public int getLastRunFailed() {
        return lastRun(SyncReport::failedUpdates).orElse(0);
    }

    @Override
    public int getLastRunUnchanged() {
        return lastRun(SyncReport::noChanges).orElse(0);
    }

    @Override
    public int getLastRunOutdated() {
        return lastRun(SyncReport::outdatedPlaybooks).orElse(0);
    }

    @Override
    public String[] getLastRunErrors() {
        return lastRun(report -> report.errors().toArray(String[]::new)).orElse(new String[0]);
    }

    @Override
    public long getPagesImported() {
        return imports.imported();
    }

    @Override
    public long getPagesFailed() {
        return imports.count(ImportOutcome.FAILED);
    }

    @Override
    public long getConfluenceRequests() {
        return confluence.stats().requests();
    }

    @Override
    public long getThrottleWaits() {
        return confluence.stats().throttleWaits();
    }

    @Override
    public long getThrottleWaitMillis() {
        return confluence.stats().throttleWaitMillis();
    }

    @Override
    public long getConfluenceRetries() {
        return confluence.stats().retries();
    }

    @Override
    public long getConfluenceErrors() {
        return confluence.stats().errors();
    }

    /**
     * Starts a sync through {@code direct:sync-trigger}. Refused with a reason when Confluence is not configured or a
     * sync runs already; JMX clients see the message of an {@link IllegalStateException} (a JDK class they can read).
     */
    @Override
    public String triggerSync() {
        if (!confluence.settings().isConfigured()) {
            throw new IllegalStateException("Confluence is not configured: set CONFLUENCE_URL and CONFLUENCE_API_TOKEN, "
                    + "fill config/config.json, or POST /api/v1/confluence/configure");
        }
        ConfluenceSync.SyncStatus status = sync.status();
        if (status.running()) {
            throw new IllegalStateException("a sync is already running since " + status.runningSince());
        }
        producer.sendBody("direct:sync-trigger", null);
        return "sync started in the background; read Running and LastRun* for its outcome";
    }

    @Override
    public void pauseSchedule() {
        sync.pauseSchedule(true);
    }

    @Override
    public void resumeSchedule() {
        sync.pauseSchedule(false);
    }

    private <T> Optional<T> lastRun(Function<SyncReport, T> value) {
        return Optional.ofNullable(sync.status().lastSync()).map(value);
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
