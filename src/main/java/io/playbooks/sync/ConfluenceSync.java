package io.playbooks.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.playbooks.api.ApiException;
import io.playbooks.api.SyncRequest;
import io.playbooks.confluence.ConfluenceClient;
import io.playbooks.confluence.ConfluenceConnection;
import io.playbooks.confluence.ConfluenceException;
import io.playbooks.confluence.ConfluenceSettings;
import io.playbooks.confluence.PageRef;
import io.playbooks.learning.PlaybookValues;
import io.playbooks.storage.FlagKind;
import io.playbooks.storage.PageChecks;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.StoreException;
import io.playbooks.storage.SyncState;
import io.playbooks.storage.VersionKind;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The incremental sync, one run at a time. {@link #begin} plans the run: per configured space, the pages that CQL
 * says changed since the watermark (less an overlap, since CQL dates have minute precision and clocks drift),
 * keeping only those whose (page id, version) is not stored yet, so the overlap costs nothing; when the reconcile
 * is due, an id-only listing of the space also finds stored playbooks whose page is gone (marked outdated with a
 * tombstone, never deleted) or has a newer version that a missed edit left behind. The route imports the planned
 * pages, the most valuable first ({@link MostValuableFirst}), and {@link #finish} moves the watermarks.
 */
public class ConfluenceSync {

    private static final Logger LOG = LoggerFactory.getLogger(ConfluenceSync.class);

    private final ConfluenceConnection confluence;
    private final PlaybookStore store;
    private final PageChecks checks;
    private final Clock clock;
    private final Duration overlap;
    private final Duration reconcileEvery;
    private final MostValuableFirst importOrder;

    private final AtomicReference<Run> current = new AtomicReference<>();
    private volatile SyncReport lastReport;
    private volatile boolean schedulePaused;

    public ConfluenceSync(ConfluenceConnection confluence, PlaybookStore store, PageChecks checks, Clock clock,
                          Duration overlap, Duration reconcileEvery, PlaybookValues values) {
        this.confluence = confluence;
        this.store = store;
        this.checks = checks;
        this.clock = clock;
        this.overlap = overlap;
        this.reconcileEvery = reconcileEvery;
        this.importOrder = new MostValuableFirst(values, store);
    }

    /**
     * Plans a run and returns the pages to import; 409 while another sync runs. The run is claimed first and planned
     * without holding a lock, so status calls answer at once while Confluence is being asked.
     */
    public List<PageRef> begin(SyncRequest request) {
        Run run = new Run(clock.instant(), confluence.clientsBySpace());
        if (!current.compareAndSet(null, run)) {
            throw ApiException.conflict("a sync is already running since " + current.get().startedAt);
        }
        int maxAgeHours = request == null || request.maxAgeHours() == null ? confluence.settings().maxAgeHours()
                : request.maxAgeHours();
        for (String space : run.spaces) {
            try {
                planSpace(run.clients.get(space), space, run, maxAgeHours);
            } catch (StoreException e) {
                // the database fails every space alike: the sync fails as a whole, as a database failure (503)
                run.fail(space, "space " + space + ": " + e.getMessage());
                end(run, false);
                throw e;
            } catch (RuntimeException e) {
                // one space gone or forbidden must not stop the others; its watermark stays where it was
                run.fail(space, "space " + space + ": " + e.getMessage());
            }
        }
        if (run.failedSpaces.size() == run.spaces.size() && !run.spaces.isEmpty()) {
            end(run, false);
            throw new ConfluenceException("the sync could not plan any space: " + String.join("; ", run.errors));
        }
        return importOrder.sorted(run.plan.values());
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

    /** {@link #consider} for a page the database is asked about on its own (a changed page, one a listing missed). */
    private void consider(PageRef page, Run run) {
        consider(page, run, () -> checks.last(page.spaceKey(), page.id()),
                () -> store.latestForPage(page.spaceKey(), page.id()).isPresent());
    }

    /**
     * Keeps a page in the plan unless it was seen at that version already, or the settings say to leave it.
     *
     * @param lastCheck the page's last check, if it was ever looked at
     * @param stored    whether a playbook of the page is stored
     */
    private void consider(PageRef page, Run run, Supplier<Optional<PageChecks.Check>> lastCheck, BooleanSupplier stored) {
        if (run.plan.containsKey(Run.planKey(page.spaceKey(), page.id()))) {
            return;
        }
        run.seen.add(page);
        run.checked++;
        Optional<PageChecks.Check> seen = lastCheck.get();
        if (seen.isPresent() && seen.get().sourceVersion() >= page.version() && !"FAILED".equals(seen.get().outcome())) {
            run.noChanges++;
            return;
        }
        boolean known = stored.getAsBoolean();
        ConfluenceSettings site = confluence.settingsOf(page.spaceKey());
        if (known ? !site.autoUpdateExisting() : !site.autoImportNew()) {
            run.noChanges++;
            return;
        }
        run.plan.put(Run.planKey(page.spaceKey(), page.id()), page);
    }

    /**
     * Id-only listing of a space against its stored playbooks: a page gone gets a tombstone with the reason (once:
     * an outdated playbook is not asked about again); a page listed again after its tombstone, or at a newer version,
     * joins the plan. What is stored and checked of the space is read once, not page by page.
     */
    private void reconcile(ConfluenceClient client, String space, Run run) {
        Map<String, PageRef> listed = new HashMap<>();
        for (PageRef ref : client.pageRefs(space)) {
            listed.put(ref.id(), ref);
        }
        Map<String, PageChecks.Check> checked = checks.ofSpace(space);
        for (Map.Entry<String, VersionKind> stored : store.latestKinds(space).entrySet()) {
            String pageId = stored.getKey();
            PageRef ref = listed.get(pageId);
            boolean tombstoned = stored.getValue() == VersionKind.TOMBSTONE;
            if (ref != null && tombstoned) {
                run.plan.putIfAbsent(Run.planKey(space, pageId), ref);
            } else if (ref != null) {
                consider(ref, run, () -> Optional.ofNullable(checked.get(pageId)), () -> true);
            } else if (!tombstoned) {
                markGone(client, space, pageId, run);
            }
        }
        run.reconciled.add(space);
    }

    /**
     * Asks Confluence about one page the listing did not hold: moved (now in another space), archived, deleted (gone,
     * or in the trash), or there after all.
     */
    private void markGone(ConfluenceClient client, String space, String pageId, Run run) {
        Optional<PageRef> now = client.pageRef(pageId);
        FlagKind kind;
        String reason;
        if (now.isEmpty()) {
            kind = FlagKind.DELETED;
            reason = "page " + pageId + " was deleted from space " + space + " (or the account can no longer see it)";
        } else if (!space.equals(now.get().spaceKey())) {
            kind = FlagKind.MOVED;
            reason = "page " + pageId + " (" + now.get().title() + ") moved from space " + space + " to space "
                    + now.get().spaceKey();
        } else if (!"current".equalsIgnoreCase(now.get().status())) {
            kind = "archived".equalsIgnoreCase(now.get().status()) ? FlagKind.ARCHIVED : FlagKind.DELETED;
            reason = "page " + pageId + " (" + now.get().title() + ") is " + now.get().status() + " in Confluence";
        } else {
            // the listing missed a page that is there (offset paging while pages were deleted): nothing is gone
            consider(now.get(), run);
            return;
        }
        if (store.markOutdated(space, pageId, kind, reason).outcome().changed()) {
            run.outdated++;
            LOG.info("marked outdated: {}", reason);
        }
    }

    /** Counts the outcome of one planned page; a failure keeps its space's watermark so the next sync retries it. */
    public void record(ImportResult result) {
        Run run = requireRun();
        synchronized (run) {
            if (result.outcome().wroteVersion()) {
                run.written.add(result.pageId());
            }
            switch (result.outcome()) {
                case CREATED -> run.created++;
                case UPDATED -> run.updated++;
                case UNCHANGED -> run.noChanges++;
                case NOT_PLAYBOOK -> run.notPlaybooks++;
                case FAILED -> {
                    run.failed++;
                    run.fail(result.spaceKey(), result.reasonLine());
                }
            }
        }
    }

    /**
     * A planned page that could not be fetched (deleted since the listing, Confluence failing): counted, run goes on.
     * A database failure is no page's fault and would fail every page after it: it ends the run.
     */
    public void recordFailure(@ExchangeProperty("plannedPage") PageRef page,
                              @ExchangeProperty("CamelExceptionCaught") Exception cause) {
        for (Throwable c = cause; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof StoreException databaseFailure) {
                throw databaseFailure;
            }
        }
        Run run = requireRun();
        synchronized (run) {
            run.failed++;
            run.fail(page.spaceKey(), "page " + page.id() + " (" + page.title() + "): " + cause.getMessage());
        }
    }

    /** What the running sync saw and wrote, for the outdated checks that follow the imports. */
    public SyncedPages synced() {
        Run run = requireRun();
        synchronized (run) {
            return new SyncedPages(run.clients, run.seen, run.written, run.reconciled);
        }
    }

    /**
     * Moves the watermark of every space this run planned without a failure to the start of the run; a space with a
     * failure keeps its watermark, so the pages that failed come back in the next sync's delta.
     */
    public SyncReport finish() {
        Run run = requireRun();
        for (String space : run.spaces) {
            Optional<SyncState> before = store.syncState(space);
            Instant watermark = run.failedSpaces.contains(space) ? before.map(SyncState::watermark).orElse(null)
                    : run.startedAt;
            Instant lastReconcile = run.reconciled.contains(space) ? run.startedAt
                    : before.map(SyncState::lastReconcileAt).orElse(null);
            store.saveSyncState(new SyncState(space, watermark, clock.instant(), lastReconcile));
        }
        return end(run, true);
    }

    /** Ends a run that failed as a whole (Confluence down mid-run); watermarks stay where they were. */
    public SyncReport abort(@ExchangeProperty("CamelExceptionCaught") Exception cause) {
        Run run = current.get();
        if (run == null) {
            throw new IllegalStateException("no sync is running", cause);
        }
        run.errors.add(cause.getMessage());
        end(run, false);
        LOG.warn("sync failed, watermarks kept: {}", cause.getMessage());
        throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    /** Whether a tick of the schedule should sync: Confluence enabled, the schedule not paused, no sync running. */
    public boolean scheduledRunDue() {
        return !schedulePaused && current.get() == null && confluence.enabled();
    }

    /** Pauses or resumes the schedule; syncs asked for through the API or MCP still run. */
    public void pauseSchedule(boolean paused) {
        schedulePaused = paused;
        LOG.info("sync schedule {}", paused ? "paused" : "resumed");
    }

    /** Refuses a background sync that could not start: 400 without Confluence, 409 while one runs. */
    public void requireStartable() {
        confluence.clientsBySpace();
        Run running = current.get();
        if (running != null) {
            throw ApiException.conflict("a sync is already running since " + running.startedAt);
        }
    }

    /** Answer of {@code POST /sync/trigger}: the sync started in the background. */
    public Map<String, Object> triggered() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("triggered", true);
        answer.put("status", status());
        return answer;
    }

    public SyncStatus status() {
        Run run = current.get();
        return new SyncStatus(run != null, run == null ? null : run.startedAt, schedulePaused, lastReport);
    }

    private SyncReport end(Run run, boolean completed) {
        long requests = run.requests() - run.requestsAtStart;
        SyncReport report = new SyncReport(run.checked, run.updated, run.created, run.failed, run.noChanges,
                run.notPlaybooks, run.outdated, List.copyOf(run.reconciled), List.copyOf(run.errors), requests,
                run.startedAt, clock.instant(), completed);
        lastReport = report;
        current.compareAndSet(run, null);
        return report;
    }

    private Run requireRun() {
        Run run = current.get();
        if (run == null) {
            throw new IllegalStateException("no sync is running");
        }
        return run;
    }

    /** State of the sync for {@code GET /sync/status}: whether one runs, and the report of the last one. */
    public record SyncStatus(boolean running, @JsonProperty("running_since") Instant runningSince,
                             @JsonProperty("schedule_paused") boolean schedulePaused,
                             @JsonProperty("last_sync") SyncReport lastSync) {
    }

    /**
     * One sync, planned with the clients and spaces of its start (a reconfiguration meanwhile does not mix in): each
     * space with the client of its site.
     */
    private static final class Run {
        final Instant startedAt;
        final Map<String, ConfluenceClient> clients;
        final long requestsAtStart;
        final List<String> spaces;
        final Map<String, PageRef> plan = new LinkedHashMap<>();
        final List<String> reconciled = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final Set<String> failedSpaces = new HashSet<>();
        final List<PageRef> seen = new ArrayList<>();
        final Set<String> written = new HashSet<>();
        int checked;
        int noChanges;
        int created;
        int updated;
        int failed;
        int notPlaybooks;
        int outdated;

        Run(Instant startedAt, Map<String, ConfluenceClient> clients) {
            this.startedAt = startedAt;
            this.clients = Map.copyOf(clients);
            this.spaces = List.copyOf(clients.keySet());
            this.requestsAtStart = requests();
        }

        /** Page ids are unique per site only: two sites may both have page 720001, in different spaces. */
        static String planKey(String spaceKey, String pageId) {
            return spaceKey + "/" + pageId;
        }

        /** Requests of every site's client so far. */
        long requests() {
            return clients.values().stream().distinct().mapToLong(client -> client.stats().requests()).sum();
        }

        void fail(String space, String error) {
            errors.add(error);
            if (space != null) {
                failedSpaces.add(space);
            }
        }
    }
}
