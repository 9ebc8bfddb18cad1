package io.playbooks.analytics;

import io.playbooks.storage.ImportAttempt;
import io.playbooks.storage.ImportRollups;
import io.playbooks.storage.StoreException;
import io.playbooks.sync.ImportResult;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The step of {@code direct:store-page} (every import, single or bulk) that counts each import attempt in the
 * per-space roll-ups, in the page's transaction, so that the success rate of a space over time survives restarts.
 * Counting never fails an import: a count that cannot be written is logged (see {@link ImportRollups#record}).
 */
public class ImportAnalytics {

    private static final Logger LOG = LoggerFactory.getLogger(ImportAnalytics.class);
    /** Numbers (page ids, versions, step numbers) would make every reason unique: they are grouped as '#'. */
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final ImportRollups rollups;

    public ImportAnalytics(ImportRollups rollups) {
        this.rollups = rollups;
    }

    /**
     * Counts the result of one page and hands it back unchanged. A failure the route caught (the page threw) is an
     * error; a failure without one is a page that read as a playbook but failed validation.
     */
    public ImportResult record(ImportResult result, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception caught) {
        if (result.spaceKey() == null || result.spaceKey().isBlank()) {
            return result;
        }
        ImportAttempt attempt = switch (result.outcome()) {
            case CREATED -> ImportAttempt.CREATED;
            case UPDATED -> ImportAttempt.UPDATED;
            case UNCHANGED -> ImportAttempt.UNCHANGED;
            case NOT_PLAYBOOK -> ImportAttempt.NOT_PLAYBOOK;
            case FAILED -> caught == null ? ImportAttempt.INVALID : ImportAttempt.ERROR;
        };
        try {
            // the roll-ups keep the reasons of failures only: the others' reasons are not rewritten for nothing
            rollups.record(result.spaceKey(), attempt, attempt.failed() ? reasons(result.reasons()) : List.of());
        } catch (StoreException e) {
            LOG.warn("could not count the import of page {} in the analytics: {}", result.pageId(), e.getMessage());
        }
        return result;
    }

    static List<String> reasons(List<String> reasons) {
        return reasons == null ? List.of() : reasons.stream().map(r -> NUMBER.matcher(r).replaceAll("#")).toList();
    }
}
