package io.playbooks.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.playbooks.confluence.ConfluenceConnection;
import io.playbooks.confluence.ConfluenceSettings;
import io.playbooks.confluence.ConfluenceSite;
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
        boolean enabled = confluence.sites().stream().anyMatch(site -> site.settings().enabled());
        return new Status(enabled, check.connected(), confluence.spaces(), store.list().size(), lastSync,
                check.error(), settings.url(), settings.username(), !settings.apiToken().isEmpty(),
                deploymentOf(settings), syncStatus(), confluence.sites().stream().map(StatusReport::siteStatus).toList());
    }

    private static String deploymentOf(ConfluenceSettings settings) {
        return settings.deployment().map(d -> d.settingName()).orElse("auto");
    }

    /** One site as {@code /status} shows it: never its token, only whether one is set. */
    private static SiteStatus siteStatus(ConfluenceSite site) {
        ConfluenceSettings settings = site.settings();
        ConfluenceConnection.ConnectionCheck check = site.check();
        return new SiteStatus(site.name(), settings.url(), deploymentOf(settings), settings.username(),
                !settings.apiToken().isEmpty(), settings.enabled(), check.connected(), check.error(), settings.spaces());
    }

    public SyncService syncStatus() {
        ConfluenceSync.SyncStatus status = sync.status();
        return new SyncService(confluence.enabled() && !status.schedulePaused(), status.running(), status.runningSince(),
                confluence.settings().syncIntervalSeconds(), nextRun(), status.lastSync(), bulkImport.progress());
    }

    public Spaces spaces() {
        List<SpaceDetail> details = new ArrayList<>();
        List<PlaybookSummary> playbooks = store.list();
        for (ConfluenceSite site : confluence.sites()) {
            for (String key : site.settings().spaces()) {
                details.add(spaceDetail(site, key, playbooks));
            }
        }
        return new Spaces(confluence.spaces(), details, details.size());
    }

    private SpaceDetail spaceDetail(ConfluenceSite site, String key, List<PlaybookSummary> playbooks) {
        long count = playbooks.stream().filter(p -> key.equals(p.confluenceSpace())).count();
        long outdated = playbooks.stream().filter(p -> key.equals(p.confluenceSpace()) && p.outdated()).count();
        Instant lastSync = store.syncState(key).map(SyncState::lastSyncAt).orElse(null);
        String name = null;
        String webUrl = null;
        String error = null;
        try {
            SpaceInfo info = site.client().orElseThrow(() -> new IllegalStateException(
                    "site " + site.name() + " is not configured")).space(key);
            name = info.name();
            webUrl = info.webUrl();
        } catch (RuntimeException e) {
            error = e.getMessage();
        }
        return new SpaceDetail(key, name, webUrl, site.settings().categoryFor(key), (int) count, (int) outdated,
                lastSync, error, site.name());
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
                         @JsonProperty("sync_service") SyncService syncService,
                         List<SiteStatus> sites) {
    }

    /** A Confluence site of config.json: where it is, whether it answers, its spaces. */
    public record SiteStatus(String name, String url, String deployment, String username,
                             @JsonProperty("api_token_set") boolean apiTokenSet, boolean enabled, boolean connected,
                             @JsonProperty("connection_error") String connectionError, List<String> spaces) {
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
                              @JsonProperty("last_sync") Instant lastSync, String error, String site) {
    }
}
