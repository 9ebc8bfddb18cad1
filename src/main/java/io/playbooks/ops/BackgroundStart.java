package io.playbooks.ops;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Work that the first requests do not wait for (the search index rebuild and its embedding model, the first value
 * scores), started {@code delay} after Camel has fully started, so that it does not take the two cores from the
 * startup and the first answers. Each task only starts its work (its own thread does it), and must be safe to start
 * earlier by whoever needs it first: a search before then starts the index rebuild itself.
 */
public final class BackgroundStart implements ExtendedStartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundStart.class);

    private final Duration delay;
    private final Map<String, Runnable> tasks = new LinkedHashMap<>();

    public BackgroundStart(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the delay of the background start is negative: " + delay);
        }
        this.delay = delay;
    }

    /** Adds a task, named for the log if it fails. */
    public BackgroundStart add(String name, Runnable task) {
        tasks.put(name, task);
        return this;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the routes are not started yet: wait for onCamelContextFullyStarted
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        ScheduledExecutorService timer = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                "background-start");
        timer.schedule(() -> {
            // Camel's stop shuts the timer down, which still runs a delayed task: a service stopped within the delay
            // must not start work on a closed database
            if (context.getStatus().isStarted()) {
                runAll();
            } else {
                LOG.info("Background start skipped: the service stopped before it was due");
            }
            context.getExecutorServiceManager().shutdown(timer);
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts every task in the order added; one that fails does not keep the others from starting. */
    void runAll() {
        tasks.forEach((name, task) -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Background start of the {} failed: {}", name, e.toString(), e);
            }
        });
    }
}
