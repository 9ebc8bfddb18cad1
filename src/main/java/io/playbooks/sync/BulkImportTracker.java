package io.playbooks.sync;

import io.playbooks.api.ApiException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts a bulk import while it runs, so that progress (done / total, failures with reasons) can be read at any
 * time, and refuses a second bulk import while one is going.
 */
public class BulkImportTracker {

    private final Clock clock;
    private Run current;

    public BulkImportTracker(Clock clock) {
        this.clock = clock;
    }

    /** Starts counting a bulk import of a space; 409 when one is already running. */
    public synchronized void begin(String spaceKey) {
        if (current != null && current.finishedAt == null) {
            throw ApiException.conflict("a bulk import of space " + current.spaceKey + " is already running ("
                    + current.done + " of " + current.total + " pages done)");
        }
        current = new Run(spaceKey, clock.instant());
    }

    public synchronized void record(ImportResult result) {
        Run run = requireRun();
        run.done++;
        // the listing is streamed, so the total is the pages listed so far; it is final when the run finishes
        run.total = run.done;
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
    }

    /** Ends the run (also after a failure of the listing) and returns its final report. */
    public synchronized BulkImportProgress finish() {
        Run run = requireRun();
        run.finishedAt = clock.instant();
        return run.snapshot();
    }

    /**
     * Ends a run that Confluence stopped (an unknown space, a failure mid-listing): the progress keeps what was done
     * and why it stopped, and the failure goes on to the caller. Pages done so far stay imported; a rerun skips them.
     */
    public synchronized void abort(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) throws Exception {
        Run run = requireRun();
        run.errors.add("stopped after " + run.done + " pages: " + cause.getMessage());
        finish();
        throw cause;
    }

    /** The running or last bulk import, or null when none ran since the service started. */
    public synchronized BulkImportProgress progress() {
        return current == null ? null : current.snapshot();
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
        Instant finishedAt;
        int total;
        int done;
        int discovered;
        int successful;
        int failed;
        int skipped;
        int notPlaybooks;
        final List<ImportResult> imported = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        Run(String spaceKey, Instant startedAt) {
            this.spaceKey = spaceKey;
            this.startedAt = startedAt;
        }

        BulkImportProgress snapshot() {
            return new BulkImportProgress(spaceKey, finishedAt == null, startedAt, finishedAt, total, done, discovered,
                    successful, failed, skipped, notPlaybooks, List.copyOf(imported), List.copyOf(errors));
        }
    }
}
