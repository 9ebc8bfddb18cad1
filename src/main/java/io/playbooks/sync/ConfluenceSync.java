package io.playbooks.sync;

import io.playbooks.api.ApiException;
import io.playbooks.api.SyncRequest;
import io.playbooks.confluence.ConfluenceClient;
import io.playbooks.confluence.ConfluenceConnection;
import io.playbooks.confluence.PageRef;
import io.playbooks.storage.PageChecks;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.SyncState;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The incremental sync, one run at a time. {@link #begin} plans the run: per configured space, the pages that CQL
 * says changed since the watermark (less an overlap, since CQL dates have minute precision and clocks drift),
 * keeping only those whose (page id, version) is not stored yet, so the overlap costs nothing; when the reconcile
 * is due, an id-only listing of the space also finds stored playbooks whose page is gone (marked outdated with a
 * tombstone, never deleted) or has a newer version that a missed edit left behind. The route imports the planned
 * pages and {@link #finish} moves the watermarks.
 */
public class ConfluenceSync {

    private static final Logger LOG = LoggerFactory.getLogger(ConfluenceSync.class);

    private final ConfluenceConnection confluence;
    private final PlaybookStore store;
    private final PageChecks checks;
    private final Clock clock;
    private final Duration overlap;
    private final Duration reconcileEvery;

    private Run current;
    private SyncReport lastReport;
    private volatile boolean schedulePaused;

    public ConfluenceSync(ConfluenceConnection confluence, PlaybookStore store, PageChecks checks, Clock clock,
                          Duration overlap, Duration reconcileEvery) {
        this.confluence = confluence;
        this.store = store;
        this.checks = checks;
        this.clock = clock;
        this.overlap = overlap;
        this.reconcileEvery = reconcileEvery;
    }

    /** Plans a run and returns the pages to import; 409 while another sync runs. */
    public synchronized List<PageRef> begin(SyncRequest request) {
        if (current != null) {
            throw ApiException.conflict("a sync is already running since " + current.startedAt);
        }
        ConfluenceClient client = confluence.client();
        int maxAgeHours = request == null || request.maxAgeHours() == null ? confluence.settings().maxAgeHours()
                : request.maxAgeHours();
        Run run = new Run(clock.instant(), client.stats().requests());
        current = run;
        try {
            for (String space : confluence.settings().spaces()) {
                planSpace(client, space, run, maxAgeHours);
            }
        } catch (RuntimeException e) {
            current = null;
            throw e;
        }
        return List.copyOf(run.plan.values());
    }

    private void planSpace(ConfluenceClient client, String space, Run run, int maxAgeHours) {
        Optional<SyncState> state = store.syncState(space);
        Instant since = state.map(SyncState::watermark).map(w -> w.minus(overlap))
                .orElse(run.startedAt.minus(Duration.ofHours(maxAgeHours)));
        for (PageRef changed : client.changedSince(space, since)) {
            consider(changed, run);
        }
        boolean reconcileDue = state.map(SyncState::lastReconcileAt)
                .map(last -> last.plus(reconcileEvery).isBefore(run.startedAt)).orElse(true);
        if (reconcileDue) {
            reconcile(client, space, run);
        }
    }

    /** Keeps a page in the plan unless it was seen at that version already, or the settings say to leave it. */
    private void consider(PageRef page, Run run) {
        if (run.plan.containsKey(page.id())) {
            return;
        }
        run.checked++;
        Optional<PageChecks.Check> seen = checks.last(page.spaceKey(), page.id());
        if (seen.isPresent() && seen.get().sourceVersion() >= page.version() && !"FAILED".equals(seen.get().outcome())) {
            run.noChanges++;
            return;
        }
        boolean known = store.latestForPage(page.spaceKey(), page.id()).isPresent();
        if (known ? !confluence.settings().autoUpdateExisting() : !confluence.settings().autoImportNew()) {
            run.noChanges++;
            return;
        }
        run.plan.put(page.id(), page);
    }

    /** Id-only listing: stored playbooks whose page is gone get a tombstone; newer versions join the plan. */
    private void reconcile(ConfluenceClient client, String space, Run run) {
        Map<String, PageRef> listed = new HashMap<>();
        for (PageRef ref : client.pageRefs(space)) {
            listed.put(ref.id(), ref);
        }
        Set<String> storedIds = store.pageIds(space);
        for (String pageId : storedIds) {
            PageRef ref = listed.get(pageId);
            if (ref == null) {
                String reason = whyGone(client, space, pageId);
                if (store.markOutdated(space, pageId, reason).outcome().changed()) {
                    run.outdated++;
                    LOG.info("marked outdated: {}", reason);
                }
            } else {
                consider(ref, run);
            }
        }
        run.reconciled.add(space);
    }

    /** Asks Confluence about one page the listing no longer holds: moved, archived, or deleted. */
    private static String whyGone(ConfluenceClient client, String space, String pageId) {
        Optional<PageRef> now = client.pageRef(pageId);
        if (now.isEmpty()) {
            return "page " + pageId + " was deleted from space " + space + " (or the account can no longer see it)";
        }
        PageRef page = now.get();
        if (!space.equals(page.spaceKey())) {
            return "page " + pageId + " (" + page.title() + ") moved from space " + space + " to space " + page.spaceKey();
        }
        return "page " + pageId + " (" + page.title() + ") is " + page.status() + " in Confluence";
    }

    /** Counts the outcome of one planned page. */
    public synchronized void record(ImportResult result) {
        Run run = requireRun();
        switch (result.outcome()) {
            case CREATED -> run.created++;
            case UPDATED -> run.updated++;
            case UNCHANGED -> run.noChanges++;
            case NOT_PLAYBOOK -> run.notPlaybooks++;
            case FAILED -> {
                run.failed++;
                run.errors.add(result.reasonLine());
            }
        }
    }

    /** A planned page that could not be fetched (deleted since the listing, Confluence failing): counted, run goes on. */
    public synchronized void recordFailure(@ExchangeProperty("plannedPage") PageRef page, @ExchangeProperty("CamelExceptionCaught") Exception cause) {
        Run run = requireRun();
        run.failed++;
        run.errors.add("page " + page.id() + " (" + page.title() + "): " + cause.getMessage());
    }

    /** Moves the watermarks to the start of this run and returns its report. */
    public synchronized SyncReport finish() {
        Run run = requireRun();
        for (String space : confluence.settings().spaces()) {
            Instant lastReconcile = run.reconciled.contains(space) ? run.startedAt
                    : store.syncState(space).map(SyncState::lastReconcileAt).orElse(null);
            store.saveSyncState(new SyncState(space, run.startedAt, clock.instant(), lastReconcile));
        }
        return end(run, true);
    }

    /** Ends a run that failed as a whole (Confluence down, an unknown space); watermarks stay where they were. */
    public synchronized SyncReport abort(@ExchangeProperty("CamelExceptionCaught") Exception cause) {
        Run run = current;
        if (run == null) {
            throw new IllegalStateException("no sync is running", cause);
        }
        run.errors.add(cause.getMessage());
        end(run, false);
        LOG.warn("sync failed, watermarks kept: {}", cause.getMessage());
        throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    /** Whether a tick of the schedule should sync: Confluence enabled, the schedule not paused, no sync running. */
    public synchronized boolean scheduledRunDue() {
        return !schedulePaused && current == null && confluence.enabled();
    }

    /** Pauses or resumes the schedule; syncs asked for through the API or MCP still run. */
    public void pauseSchedule(boolean paused) {
        schedulePaused = paused;
        LOG.info("sync schedule {}", paused ? "paused" : "resumed");
    }

    /** Answer of {@code POST /sync/trigger}: the sync started in the background. */
    public synchronized Map<String, Object> triggered() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("triggered", true);
        answer.put("status", status());
        return answer;
    }

    public synchronized SyncStatus status() {
        return new SyncStatus(current != null, current == null ? null : current.startedAt, schedulePaused, lastReport);
    }

    private SyncReport end(Run run, boolean completed) {
        long requests = confluence.client().stats().requests() - run.requestsAtStart;
        SyncReport report = new SyncReport(run.checked, run.updated, run.created, run.failed, run.noChanges,
                run.notPlaybooks, run.outdated, List.copyOf(run.reconciled), List.copyOf(run.errors), requests,
                run.startedAt, clock.instant(), completed);
        lastReport = report;
        current = null;
        return report;
    }

    private Run requireRun() {
        if (current == null) {
            throw new IllegalStateException("no sync is running");
        }
        return current;
    }

    /** State of the sync for {@code GET /sync/status}: whether one runs, and the report of the last one. */
    public record SyncStatus(boolean running, Instant runningSince, boolean schedulePaused, SyncReport lastSync) {
    }

    private static final class Run {
        final Instant startedAt;
        final long requestsAtStart;
        final Map<String, PageRef> plan = new LinkedHashMap<>();
        final List<String> reconciled = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        int checked;
        int noChanges;
        int created;
        int updated;
        int failed;
        int notPlaybooks;
        int outdated;

        Run(Instant startedAt, long requestsAtStart) {
            this.startedAt = startedAt;
            this.requestsAtStart = requestsAtStart;
        }
    }
}
