package io.playbooks.sync;

import io.playbooks.conversion.Conversion;
import io.playbooks.page.SourcePage;
import io.playbooks.playbook.Playbook;
import io.playbooks.storage.PageChecks;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.SaveResult;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

import java.util.List;

/**
 * The steps of {@code direct:import-page} that write or explain: store a conversion, skip it, or record a failure.
 * Every outcome is also noted in {@link PageChecks}, so that a sync does not fetch a page again at a version it saw.
 */
public class ImportRecorder {

    private final PlaybookStore store;
    private final PageChecks checks;

    public ImportRecorder(PlaybookStore store, PageChecks checks) {
        this.store = store;
        this.checks = checks;
    }

    /** Stores the playbook of a conversion (one transaction); an unchanged page writes nothing unless forced. */
    public ImportResult store(Conversion conversion, @Header("forceUpdate") Boolean force) {
        SaveResult saved = store.save(conversion, Boolean.TRUE.equals(force));
        ImportOutcome outcome = switch (saved.outcome()) {
            case CREATED -> ImportOutcome.CREATED;
            case UPDATED -> ImportOutcome.UPDATED;
            case UNCHANGED -> ImportOutcome.UNCHANGED;
        };
        Playbook playbook = conversion.playbook();
        return result(conversion.page(), outcome, saved.playbookId(), saved.versionId(), saved.slug(),
                playbook.category(), saved.stepCount(), conversion.detection().score(), conversion.detection().reasons());
    }

    /** A page that is not a playbook, or is one but failed validation: nothing stored, the reasons kept. */
    public ImportResult skip(Conversion conversion) {
        boolean detected = conversion.detection().isPlaybook();
        List<String> reasons = detected ? conversion.problems() : conversion.detection().reasons();
        return result(conversion.page(), detected ? ImportOutcome.FAILED : ImportOutcome.NOT_PLAYBOOK, null, null, null,
                null, null, conversion.detection().score(), reasons);
    }

    /** A page whose conversion or storage threw: nothing stored (the transaction rolled back), the cause kept. */
    public ImportResult fail(@ExchangeProperty("page") SourcePage page, @ExchangeProperty("CamelExceptionCaught") Exception cause) {
        String reason = cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return result(page, ImportOutcome.FAILED, null, null, null, null, null, 0, List.of(reason));
    }

    private ImportResult result(SourcePage page, ImportOutcome outcome, Long playbookId, Long versionId, String slug,
                                String category, Integer stepCount, double score, List<String> reasons) {
        if (page.spaceKey() != null) {
            checks.record(page.spaceKey(), page.id(), page.version(), outcome.name());
        }
        return new ImportResult(page.id(), page.title(), page.spaceKey(), outcome, playbookId, versionId, slug, category,
                stepCount, page.webUrl(), page.version(), score, reasons);
    }
}
