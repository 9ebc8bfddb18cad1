package io.playbooks.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The point from which committed writes survive a kill of the service. An H2 file database keeps recent commits in
 * memory and writes them to its file in one go (WRITE_DELAY, H2's background writer), instead of at every commit:
 * whatever leaves the service saying that something is stored (an answer, a delivery, progress) first waits here
 * until every commit made so far is in the file. Callers that arrive while a flush is running share the next one
 * (group commit): a burst of answers costs one file write, not one each. On PostgreSQL a commit is durable already,
 * and every call returns at once.
 */
public final class Durability implements AutoCloseable {

    /** Makes every commit made so far reach the database file. */
    @FunctionalInterface
    interface StoreFlush {
        void flush() throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Durability.class);
    private static final long WARNING_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final StoreFlush store;
    private final Duration actionDelay;
    /** Actions waiting for the next flush that starts. */
    private List<Runnable> waiting = new ArrayList<>();
    /** Flushes started and finished so far: a caller needs one that started after it came. */
    private long started;
    private long finished;
    private boolean running;
    /** The failure of flush number {@link #failedFlush}, for the callers that waited for it. */
    private long failedFlush = -1;
    private RuntimeException failure;
    private boolean flushScheduled;
    private ScheduledExecutorService timer;
    private boolean closed;
    /** Whether the delayed flushes fail, and when that was last said (System.nanoTime); the timer thread's only. */
    private boolean failing;
    private long lastWarning;

    /**
     * @param store       null when each commit is durable by itself (nothing to flush)
     * @param actionDelay how long an {@link #afterStored} action may wait for a flush that a caller asks for, before
     *                    one is made for it
     */
    Durability(StoreFlush store, Duration actionDelay) {
        this.store = store;
        this.actionDelay = actionDelay;
    }

    /**
     * The durability of the database at that URL: an H2 file (embedded, or behind an H2 server) is flushed on
     * demand; PostgreSQL commits durably by itself, and an in-memory H2 database has no file to write.
     */
    public static Durability of(String url, DataSource dataSource, Duration actionDelay) {
        if (actionDelay.isNegative()) {
            throw new IllegalArgumentException("playbooks.db.flush-delay-ms must be 0 or more, got " + actionDelay.toMillis());
        }
        String jdbc = url.strip();
        return jdbc.startsWith("jdbc:h2:") && !jdbc.startsWith("jdbc:h2:mem:")
                ? new Durability(new H2Flush(dataSource), actionDelay) : atCommit();
    }

    /** A database whose every commit is durable by itself: nothing to wait for. */
    public static Durability atCommit() {
        return new Durability(null, Duration.ZERO);
    }

    /**
     * Returns once every commit made before this call is in the database file: a kill of the process from now on
     * keeps it (the operating system writes the file to disk even when the process dies; a power loss is another
     * matter, as with H2's own commits).
     *
     * @throws StoreException when the database cannot write its file (the commits may then be lost by a kill)
     */
    public void awaitStored() {
        if (store == null) {
            return;
        }
        long needed;
        List<Runnable> actions;
        synchronized (this) {
            needed = started + 1;
            while (true) {
                if (finished >= needed) {
                    if (failedFlush == finished) {
                        throw failure;
                    }
                    return;
                }
                if (!running) {
                    break;
                }
                waitForFlush();
            }
            running = true;
            started++;
            actions = waiting;
            waiting = new ArrayList<>();
        }
        RuntimeException failed = null;
        try {
            failed = flushThenRun(actions);
        } catch (Error e) {
            // an Error (out of memory, an H2 class changed) still ends this flush, or every later caller would wait for ever
            failed = new StoreException("writing the database file failed: " + e, e);
            throw e;
        } finally {
            synchronized (this) {
                running = false;
                finished = started;
                if (failed != null) {
                    failedFlush = finished;
                    failure = failed;
                    // the actions put back wait for the next flush: make sure one comes even if nobody asks
                    if (!waiting.isEmpty()) {
                        scheduleFlush();
                    }
                }
                notifyAll();
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * Runs {@code action} once every commit made before this call is in the file: after the next flush, which is made
     * within the action delay unless a caller of {@link #awaitStored} asks for one first. At once on a database whose
     * commits are durable by themselves. The action runs on the flushing thread: it must be short and must not wait
     * for a flush itself.
     */
    public void afterStored(Runnable action) {
        if (store == null) {
            action.run();
            return;
        }
        synchronized (this) {
            waiting.add(action);
            scheduleFlush();
        }
    }

    /** Stops the timer of {@link #afterStored}: actions still waiting are dropped (their commits may not be stored). */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            closed = true;
            stopping = timer;
        }
        if (stopping != null) {
            // a flush in progress ends before the database closes
            stopping.shutdown();
            try {
                if (!stopping.awaitTermination(5, TimeUnit.SECONDS)) {
                    stopping.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping.shutdownNow();
            }
        }
    }

    /** The flush, then (when it worked) the actions that waited for it; its failure, or null. */
    private RuntimeException flushThenRun(List<Runnable> actions) {
        try {
            store.flush();
        } catch (SQLException | RuntimeException | Error e) {
            synchronized (this) {
                // tried again with the next flush
                waiting.addAll(0, actions);
            }
            if (e instanceof Error error) {
                throw error;
            }
            return new StoreException("cannot write the committed changes to the database file: " + e.getMessage(), e);
        }
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("an action after the database file was written failed: {}", e.toString(), e);
            }
        }
        return null;
    }

    private void scheduledFlush() {
        synchronized (this) {
            flushScheduled = false;
            if (waiting.isEmpty()) {
                return;
            }
        }
        try {
            awaitStored();
            if (failing) {
                LOG.info("The database file is written again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // retried every few hundred milliseconds: said when it starts, then once a minute, not at every try
            long now = System.nanoTime();
            if (!failing || now - lastWarning >= WARNING_EVERY_NANOS) {
                LOG.warn("{} (tried again every {} ms)", e.getMessage(), actionDelay.toMillis());
                lastWarning = now;
            }
            failing = true;
            synchronized (this) {
                scheduleFlush();
            }
        }
    }

    /** A flush for the waiting actions within the action delay, unless one is scheduled already; under the lock. */
    private void scheduleFlush() {
        if (flushScheduled || closed) {
            return;
        }
        flushScheduled = true;
        if (timer == null) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "durability");
                thread.setDaemon(true);
                return thread;
            });
            // at close, a flush in progress ends; the delayed ones are dropped (closing the database writes its file)
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            timer = executor;
        }
        timer.schedule(this::scheduledFlush, actionDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void waitForFlush() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the database file to be written", e);
        }
    }
}
