package io.playbooks.sync;

import io.playbooks.conversion.Conversion;
import io.playbooks.page.SourcePage;
import io.playbooks.playbook.Playbook;
import io.playbooks.storage.FlagKind;
import io.playbooks.storage.PageChecks;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.SaveResult;
import io.playbooks.storage.StoreException;
import io.playbooks.storage.StoredVersion;
import io.playbooks.storage.VersionKind;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * The steps of {@code direct:store-page} (every import, single or bulk) that write or explain: store a conversion,
 * skip it, or record a failure. Every outcome is also noted in {@link PageChecks}, so that a sync does not fetch a
 * page again at a version it saw (a stored page's check is written by the store, in the page's own transaction).
 */
public class ImportRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRecorder.class);

    private final PlaybookStore store;
    private final PageChecks checks;

    public ImportRecorder(PlaybookStore store, PageChecks checks) {
        this.store = store;
        this.checks = checks;
    }

    /** Stores a conversion that holds a playbook, and explains any other (one bean call on the hot path). */
    public ImportResult record(Conversion conversion, @Header("forceUpdate") Boolean force) {
        return conversion.hasPlaybook() ? store(conversion, force) : skip(conversion);
    }

    /** Whether the import wrote a version, which is then announced. */
    public boolean wroteVersion(ImportResult result) {
        return result.outcome().wroteVersion();
    }

    /** Stores the playbook of a conversion (one transaction); an unchanged page adds no version unless forced. */
    public ImportResult store(Conversion conversion, @Header("forceUpdate") Boolean force) {
        SaveResult saved = store.save(conversion, Boolean.TRUE.equals(force));
        ImportOutcome outcome = switch (saved.outcome()) {
            case CREATED -> ImportOutcome.CREATED;
            case UPDATED -> ImportOutcome.UPDATED;
            case UNCHANGED -> ImportOutcome.UNCHANGED;
        };
        Playbook playbook = conversion.playbook();
        return resultOf(conversion.page(), outcome, saved.playbookId(), saved.versionId(), saved.slug(),
                playbook.category(), saved.stepCount(), conversion.detection().score(), conversion.detection().reasons());
    }

    /**
     * A page that is not a playbook, or is one but failed validation: nothing stored, the reasons kept. A page whose
     * playbook is stored and that no longer reads as a playbook gets that playbook marked outdated (a tombstone: it
     * becomes current again when the page turns back into a procedure).
     */
    public ImportResult skip(Conversion conversion) {
        SourcePage page = conversion.page();
        boolean detected = conversion.detection().isPlaybook();
        List<String> reasons = detected ? conversion.problems() : conversion.detection().reasons();
        Optional<StoredVersion> current = page.spaceKey() == null ? Optional.empty() : storedContent(page);
        if (!detected && current.isPresent()) {
            store.markOutdated(page.spaceKey(), page.id(), FlagKind.NOT_PLAYBOOK, "no longer a playbook at version "
                    + page.version() + " (the playbook holds version " + current.get().sourceVersion() + "): "
                    + String.join("; ", reasons));
        }
        return result(page, detected ? ImportOutcome.FAILED : ImportOutcome.NOT_PLAYBOOK, null, null, null,
                null, null, conversion.detection().score(), reasons);
    }

    /**
     * A page whose conversion or storage threw: nothing stored (the transaction rolled back), the cause kept. A
     * database failure is not the page's fault: it goes on to the caller, which stops and reports it.
     */
    public ImportResult fail(@ExchangeProperty("page") SourcePage page, @ExchangeProperty("CamelExceptionCaught") Exception cause) {
        if (cause instanceof StoreException databaseFailure) {
            throw databaseFailure;
        }
        String reason = cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return result(page, ImportOutcome.FAILED, null, null, null, null, null, 0, List.of(reason));
    }

    /** The newest version of the page's playbook when it holds content (not already a tombstone). */
    private Optional<StoredVersion> storedContent(SourcePage page) {
        return store.latestForPage(page.spaceKey(), page.id()).filter(v -> v.kind() == VersionKind.CONTENT);
    }

    private ImportResult result(SourcePage page, ImportOutcome outcome, Long playbookId, Long versionId, String slug,
                                String category, Integer stepCount, double score, List<String> reasons) {
        if (page.spaceKey() != null) {
            try {
                checks.record(page.spaceKey(), page.id(), page.version(), outcome.name());
            } catch (StoreException e) {
                // the outcome stands; without the check a sync looks again
                LOG.warn("could not note the check of page {}: {}", page.id(), e.getMessage());
            }
        }
        return resultOf(page, outcome, playbookId, versionId, slug, category, stepCount, score, reasons);
    }

    private static ImportResult resultOf(SourcePage page, ImportOutcome outcome, Long playbookId, Long versionId,
                                         String slug, String category, Integer stepCount, double score,
                                         List<String> reasons) {
        return new ImportResult(page.id(), page.title(), page.spaceKey(), outcome, playbookId, versionId, slug, category,
                stepCount, page.webUrl(), page.version(), score, reasons);
    }
}
