package io.playbooks.sync;

import io.playbooks.api.ApiException;
import io.playbooks.confluence.PageListing;
import io.playbooks.page.SourcePage;
import io.playbooks.storage.BulkImportRuns;
import io.playbooks.storage.Durability;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Counts a bulk import while it runs, so that progress (done / total, failures with reasons) can be read at any
 * time, and refuses a second bulk import while one is going. Where the run stands is kept in the database page by
 * page ({@link BulkImportRuns}): a run stopped by a shutdown or a failure resumes from its listing position and
 * skips the pages it did, instead of starting over. A page is counted once its commit is in the database file
 * ({@link Durability}): progress never reports a page that a kill could still lose.
 */
public class BulkImportTracker {

    private static final Logger LOG = LoggerFactory.getLogger(BulkImportTracker.class);

    private final Clock clock;
    private final BulkImportRuns runs;
    private final Durability durability;
    private volatile boolean stopping;
    private Run current;

    public BulkImportTracker(Clock clock, BulkImportRuns runs, Durability durability) {
        this.clock = clock;
        this.runs = runs;
        this.durability = durability;
    }

    /**
     * Starts (or resumes) the bulk import of a space; 409 when one is already running, 503 while the service stops.
     *
     * @return the listing position to start from: where a stopped run of the space was, null for the start
     */
    public synchronized String begin(String spaceKey, boolean forceUpdate) {
        if (stopping) {
            throw ApiException.unavailable("the service is stopping: no bulk import starts now");
        }
        if (current != null && current.finishedAt == null) {
            throw ApiException.conflict("a bulk import of space " + current.spaceKey + " is already running ("
                    + current.done + " of " + current.total + " pages done)");
        }
        BulkImportRuns.Run stored = runs.start(spaceKey, forceUpdate, clock.instant());
        current = new Run(spaceKey, clock.instant(), stored);
        return stored.position();
    }

    /**
     * The service is stopping: the listing ends here, the pages already handed out are finished, and the run is
     * recorded as interrupted at its position.
     */
    public void stop() {
        stopping = true;
    }

    /**
     * Writes where the run stands with this page done, inside the page's transaction (the route's {@code policy}
     * block), so that the page and its progress commit together. A failed page stays pending: the position does not
     * pass it, so a resume tries it again.
     */
    public void persist(ImportResult result) {
        if (result.outcome() == ImportOutcome.FAILED) {
            return;
        }
        String spaceKey;
        String position;
        synchronized (this) {
            Run run = requireRun();
            spaceKey = run.spaceKey;
            position = run.positionWithout(result.pageId());
        }
        // outside the lock: a database write
        runs.pageDone(spaceKey, result.pageId(), result.confluenceVersion(), position);
    }

    /**
     * Counts a page whose transaction committed, once the commit is in the database file (within the flush delay of
     * {@link Durability#afterStored}, or at the end of the run): progress never reports a page that a kill could still
     * lose.
     */
    public void record(ImportResult result) {
        Run run;
        synchronized (this) {
            run = requireRun();
        }
        durability.afterStored(() -> count(run, result));
    }

    private synchronized void count(Run run, ImportResult result) {
        run.done++;
        switch (result.outcome()) {
            case CREATED, UPDATED -> {
                run.discovered++;
                run.successful++;
                run.imported.add(result);
            }
            case UNCHANGED -> {
                run.discovered++;
                run.skipped++;
            }
            case FAILED -> {
                run.discovered++;
                run.failed++;
                run.errors.add(result.reasonLine());
            }
            case NOT_PLAYBOOK -> run.notPlaybooks++;
        }
        if (result.outcome() != ImportOutcome.FAILED) {
            run.pending.remove(result.pageId());
        }
    }

    /**
     * Counts the pages of the streamed listing as the route takes them: the total is the pages listed so far, and
     * final once the listing is complete (neither Confluence API gives a count without a listing of its own). Pages
     * that a stopped run did at the version listed now are counted done and not handed out again. The listing ends
     * early when the service stops.
     */
    public Iterator<SourcePage> track(PageListing listing) {
        return new Iterator<>() {
            private SourcePage ahead;

            @Override
            public boolean hasNext() {
                while (ahead == null && !stopping && listing.hasNext()) {
                    SourcePage page = listing.next();
                    if (!listed(page, listing.position())) {
                        ahead = page;
                    }
                }
                if (ahead == null && !stopping) {
                    listingComplete();
                }
                return ahead != null;
            }

            @Override
            public SourcePage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SourcePage page = ahead;
                ahead = null;
                return page;
            }
        };
    }

    /** Counts a listed page; true when a stopped run did it at this version already. */
    private synchronized boolean listed(SourcePage page, String position) {
        Run run = requireRun();
        run.total++;
        run.lastPosition = position;
        if (Integer.valueOf(page.version()).equals(run.doneEarlier.remove(page.id()))) {
            run.done++;
            return true;
        }
        run.pending.put(page.id(), position);
        return false;
    }

    private synchronized void listingComplete() {
        requireRun().listingComplete = true;
    }

    /**
     * Ends the run and returns its final report: finished when the listing went through, else (the service stops)
     * interrupted at its position, for the next start to resume. Every page done is in the database file by then.
     */
    public BulkImportProgress finish() {
        durability.awaitStored();
        return ended();
    }

    private synchronized BulkImportProgress ended() {
        Run run = requireRun();
        if (run.listingComplete) {
            runs.finished(run.spaceKey);
        } else {
            run.interrupted = true;
            String why = "interrupted by a shutdown after " + run.done + " pages; the next start resumes at " + run.position();
            run.errors.add(why);
            runs.stopped(run.spaceKey, BulkImportRuns.INTERRUPTED, clock.instant());
            LOG.info("Bulk import of space {} {}", run.spaceKey, why);
        }
        return end(run);
    }

    /**
     * Ends a run that Confluence (or the database) stopped: the progress keeps what was done and why it stopped,
     * the position stays for the next bulk import of the space to resume from, and the failure goes on to the caller.
     * A resumed run that fails before it lists a page drops its position: the next one lists from the start. The pages
     * done are counted when their commits can still be written to the database file.
     */
    public void abort(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) throws Exception {
        try {
            durability.awaitStored();
        } catch (RuntimeException notStored) {
            cause.addSuppressed(notStored);
        }
        aborted(cause);
    }

    private synchronized void aborted(Exception cause) throws Exception {
        Run run = requireRun();
        run.errors.add("stopped after " + run.done + " pages: " + cause.getMessage());
        try {
            if (run.resumed && run.total == 0) {
                // the position itself may be what fails (a cursor Confluence no longer takes): the next run starts over
                runs.finished(run.spaceKey);
            } else {
                runs.stopped(run.spaceKey, BulkImportRuns.FAILED, clock.instant());
            }
        } finally {
            end(run);
        }
        throw cause;
    }

    /** Whether a bulk import is running now. */
    public synchronized boolean running() {
        return current != null && current.finishedAt == null;
    }

    /** The running or last bulk import, or null when none ran since the service started. */
    public synchronized BulkImportProgress progress() {
        return current == null ? null : current.snapshot();
    }

    private BulkImportProgress end(Run run) {
        run.finishedAt = clock.instant();
        return run.snapshot();
    }

    private Run requireRun() {
        if (current == null) {
            throw new IllegalStateException("no bulk import has begun");
        }
        return current;
    }

    private static final class Run {
        final String spaceKey;
        final Instant startedAt;
        /** Where a stopped run of the space was, when this one resumes it; else null. */
        final boolean resumed;
        final String resumedFrom;
        final int pagesDoneBefore;
        /** Pages a stopped run did, by id, at the version it did them. */
        final Map<String, Integer> doneEarlier;
        /** Listed pages not done yet, in listing order, with the listing call each came from. */
        final Map<String, String> pending = new LinkedHashMap<>();
        String lastPosition;
        Instant finishedAt;
        boolean listingComplete;
        boolean interrupted;
        int total;
        int done;
        int discovered;
        int successful;
        int failed;
        int skipped;
        int notPlaybooks;
        final List<ImportResult> imported = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        Run(String spaceKey, Instant startedAt, BulkImportRuns.Run stored) {
            this.spaceKey = spaceKey;
            this.startedAt = startedAt;
            this.resumed = stored.resumes();
            this.resumedFrom = stored.position();
            this.pagesDoneBefore = stored.pagesDone();
            this.doneEarlier = new HashMap<>(stored.donePages());
            this.lastPosition = stored.position();
        }

        /** Where a resume would start: the listing call of the oldest page not done, else of the last page listed. */
        String position() {
            return positionWithout(null);
        }

        /** The position once {@code pageId} is done too (the pages in flight stay pending until counted). */
        String positionWithout(String pageId) {
            for (Map.Entry<String, String> page : pending.entrySet()) {
                if (!page.getKey().equals(pageId)) {
                    return page.getValue();
                }
            }
            return lastPosition;
        }

        BulkImportProgress snapshot() {
            return new BulkImportProgress(spaceKey, finishedAt == null, startedAt, finishedAt, listingComplete, total, done,
                    discovered, successful, failed, skipped, notPlaybooks, List.copyOf(imported), List.copyOf(errors),
                    interrupted, resumed, pagesDoneBefore, position());
        }
    }
}
