package io.playbooks.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.playbooks.confluence.ConfluenceConnection;
import io.playbooks.confluence.ConfluenceSettings;
import io.playbooks.confluence.SpaceInfo;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.PlaybookSummary;
import io.playbooks.storage.SyncState;
import io.playbooks.sync.BulkImportProgress;
import io.playbooks.sync.BulkImportTracker;
import io.playbooks.sync.ConfluenceSync;
import io.playbooks.sync.SyncReport;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The answers of {@code GET /status}, {@code GET /sync/status} and {@code GET /spaces} (hAIveMind keys, and more). */
public class StatusReport {

    private static final TriggerKey SYNC_TRIGGER = TriggerKey.triggerKey("sync", "confluence");

    private final CamelContext camel;
    private final ConfluenceConnection confluence;
    private final PlaybookStore store;
    private final ConfluenceSync sync;
    private final BulkImportTracker bulkImport;

    public StatusReport(CamelContext camel, ConfluenceConnection confluence, PlaybookStore store, ConfluenceSync sync,
                        BulkImportTracker bulkImport) {
        this.camel = camel;
        this.confluence = confluence;
        this.store = store;
        this.sync = sync;
        this.bulkImport = bulkImport;
    }

    public Status status() {
        ConfluenceSettings settings = confluence.settings();
        ConfluenceConnection.ConnectionCheck check = confluence.check();
        ConfluenceSync.SyncStatus syncStatus = sync.status();
        Instant lastSync = syncStatus.lastSync() == null ? null : syncStatus.lastSync().finishedAt();
        return new Status(settings.enabled(), check.connected(), settings.spaces(), store.list().size(), lastSync,
                check.error(), settings.url(), settings.username(), !settings.apiToken().isEmpty(),
                settings.deployment().map(d -> d.settingName()).orElse("auto"), syncStatus());
    }

    public SyncService syncStatus() {
        ConfluenceSync.SyncStatus status = sync.status();
        return new SyncService(confluence.enabled() && !status.schedulePaused(), status.running(), status.runningSince(),
                confluence.settings().syncIntervalSeconds(), nextRun(), status.lastSync(), bulkImport.progress());
    }

    public Spaces spaces() {
        List<SpaceDetail> details = new ArrayList<>();
        List<PlaybookSummary> playbooks = store.list();
        for (String key : confluence.settings().spaces()) {
            long count = playbooks.stream().filter(p -> key.equals(p.confluenceSpace())).count();
            long outdated = playbooks.stream().filter(p -> key.equals(p.confluenceSpace()) && p.outdated()).count();
            Instant lastSync = store.syncState(key).map(SyncState::lastSyncAt).orElse(null);
            String name = null;
            String webUrl = null;
            String error = null;
            try {
                SpaceInfo info = confluence.client().space(key);
                name = info.name();
                webUrl = info.webUrl();
            } catch (RuntimeException e) {
                error = e.getMessage();
            }
            details.add(new SpaceDetail(key, name, webUrl, confluence.settings().categoryFor(key), (int) count,
                    (int) outdated, lastSync, error));
        }
        return new Spaces(confluence.settings().spaces(), details, details.size());
    }

    /** When the Quartz trigger {@code confluence.sync} fires next; null while the scheduler has none. */
    public Instant nextRun() {
        try {
            QuartzComponent quartz = camel.getComponent("quartz", QuartzComponent.class);
            Trigger trigger = quartz.getScheduler() == null ? null : quartz.getScheduler().getTrigger(SYNC_TRIGGER);
            return trigger == null || trigger.getNextFireTime() == null ? null : trigger.getNextFireTime().toInstant();
        } catch (SchedulerException e) {
            return null;
        }
    }

    public record Status(boolean enabled, boolean connected,
                         @JsonProperty("spaces_configured") List<String> spacesConfigured,
                         @JsonProperty("total_confluence_playbooks") int totalConfluencePlaybooks,
                         @JsonProperty("last_sync") Instant lastSync,
                         @JsonProperty("connection_error") String connectionError,
                         String url, String username,
                         @JsonProperty("api_token_set") boolean apiTokenSet,
                         String deployment,
                         @JsonProperty("sync_service") SyncService syncService) {
    }

    public record SyncService(boolean scheduled, boolean running,
                              @JsonProperty("running_since") Instant runningSince,
                              @JsonProperty("interval_seconds") int intervalSeconds,
                              @JsonProperty("next_run") Instant nextRun,
                              @JsonProperty("last_sync") SyncReport lastSync,
                              @JsonProperty("bulk_import") BulkImportProgress bulkImport) {
    }

    public record Spaces(@JsonProperty("configured_spaces") List<String> configuredSpaces,
                         @JsonProperty("space_details") List<SpaceDetail> spaceDetails,
                         @JsonProperty("total_spaces") int totalSpaces) {
    }

    public record SpaceDetail(@JsonProperty("space_key") String spaceKey, String name, @JsonProperty("web_url") String webUrl,
                              String category, int playbooks, int outdated,
                              @JsonProperty("last_sync") Instant lastSync, String error) {
    }
}
