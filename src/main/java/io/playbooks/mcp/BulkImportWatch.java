package io.playbooks.mcp;

import io.playbooks.sync.BulkImportProgress;
import io.playbooks.sync.BulkImportTracker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a bulk import and, while it runs, reads the {@link BulkImportTracker} and reports each change of pages done
 * (of the total) to the client, so an agent sees a long import move.
 */
public class BulkImportWatch {

    private final BulkImportTracker tracker;
    private final Duration interval;
    private final ExecutorService runner = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "mcp-bulk-import");
        thread.setDaemon(true);
        return thread;
    });

    public BulkImportWatch(BulkImportTracker tracker, Duration interval) {
        this.tracker = tracker;
        this.interval = interval;
    }

    public Object whileRunning(Supplier<Object> bulkImport, ProgressReporter progress) {
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(bulkImport, runner);
        int reported = -1;
        while (true) {
            try {
                Object result = running.get(interval.toMillis(), TimeUnit.MILLISECONDS);
                // where it ended, also for an import done within one interval: the client always sees the count
                BulkImportProgress last = tracker.progress();
                if (last != null && !last.running() && last.donePages() != reported) {
                    report(last, progress);
                }
                return result;
            } catch (TimeoutException stillRunning) {
                BulkImportProgress now = tracker.progress();
                if (now != null && now.running() && now.donePages() != reported) {
                    reported = now.donePages();
                    report(now, progress);
                }
            } catch (ExecutionException e) {
                throw unwrap(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the bulk import runs; it goes on in the background", e);
            }
        }
    }

    private static void report(BulkImportProgress now, ProgressReporter progress) {
        // the total is known only when the listing said it; until then the count of pages done goes up alone
        progress.report(now.donePages(), now.totalPages() > now.donePages() ? (double) now.totalPages() : null,
                now.donePages() + " pages of space " + now.spaceKey() + " done, "
                        + now.successfulImports() + " imported, " + now.failedImports() + " failed");
    }

    private static RuntimeException unwrap(Throwable cause) {
        Throwable inner = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        return inner instanceof RuntimeException runtime ? runtime : new IllegalStateException(inner.getMessage(), inner);
    }
}
