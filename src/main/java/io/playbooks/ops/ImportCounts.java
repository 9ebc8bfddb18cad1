package io.playbooks.ops;

import io.playbooks.sync.ImportOutcome;
import io.playbooks.sync.ImportResult;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many pages were imported since the service started, by outcome, whatever brought them (a sync, a bulk import,
 * an import by id, the offline folder), counted by {@code direct:page-stored} once a page's transaction ended. JMX
 * and the metrics read these counts.
 */
public class ImportCounts {

    private final Map<ImportOutcome, AtomicLong> counts = new EnumMap<>(ImportOutcome.class);

    public ImportCounts() {
        for (ImportOutcome outcome : ImportOutcome.values()) {
            counts.put(outcome, new AtomicLong());
        }
    }

    /** Counts the result of one page and hands it back unchanged, so that the route's body stays the result. */
    public ImportResult record(ImportResult result) {
        counts.get(result.outcome()).incrementAndGet();
        return result;
    }

    public long count(ImportOutcome outcome) {
        return counts.get(outcome).get();
    }

    /** Pages stored as a new playbook or a new version. */
    public long imported() {
        return count(ImportOutcome.CREATED) + count(ImportOutcome.UPDATED);
    }
}
