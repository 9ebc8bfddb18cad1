package io.playbooks.broadcast;

import io.playbooks.storage.EventOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the event log from growing without end: events older than {@code playbooks.broadcast.retention-days} go once
 * every endpoint has them delivered or given up; an event still pending anywhere stays, however old. Zero days keeps
 * everything. Deletes a bounded batch per transaction, so a large backlog never holds one long lock.
 */
public class EventRetention {

    static final int BATCH = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);

    private final EventOutbox outbox;
    private final Duration retention;
    private final Clock clock;

    public EventRetention(EventOutbox outbox, Duration retention, Clock clock) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("playbooks.broadcast.retention-days must be 0 (keep all) or more, got "
                    + retention.toDays());
        }
        this.outbox = outbox;
        this.retention = retention;
        this.clock = clock;
    }

    /** Deletes the settled events older than the retention; answers how many went. */
    public int prune() {
        if (retention.isZero()) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(retention);
        int pruned = 0;
        int batch;
        do {
            batch = outbox.pruneSettledBefore(cutoff, BATCH);
            pruned += batch;
        } while (batch == BATCH);
        if (pruned > 0) {
            LOG.info("Pruned {} events logged before {} from the event log", pruned, cutoff);
        }
        return pruned;
    }
}
