package io.playbooks.conversion;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.page.SourcePage;
import io.playbooks.playbook.Playbook;
import io.playbooks.playbook.PlaybookMetadata;
import io.playbooks.playbook.PlaybookRules;
import io.playbooks.playbook.PlaybookSchema;
import io.playbooks.playbook.PlaybookYaml;
import org.jsoup.nodes.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Detects whether a page is a playbook and, when it is, converts its storage-format body into one, validated
 * against the playbook schema. Never throws for bad input: an ill-formed body or a detected page without steps
 * comes back as a conversion without playbook whose problems say why. Thread-safe.
 */
public class PageConverter {

    public static final String DEFAULT_CATEGORY = "general";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<DetectionProfile> profile;
    private final StorageFormatParser parser = new StorageFormatParser();
    private final PlaybookDetector detector = new PlaybookDetector();

    public PageConverter() {
        this(Map.of());
    }

    /** The built-in profile. @param spaceCategories space key to playbook category; others get {@value #DEFAULT_CATEGORY} */
    public PageConverter(Map<String, String> spaceCategories) {
        this(DetectionProfile.builtIn(spaceCategories));
    }

    public PageConverter(DetectionProfile profile) {
        this(() -> profile);
    }

    /** @param profile the profile in force, asked once per page, so that an imported profile applies at once */
    public PageConverter(Supplier<DetectionProfile> profile) {
        this.profile = profile;
    }

    public Conversion convert(SourcePage page) {
        return convert(page, false);
    }

    /**
     * Converts a page as a user importing it by hand with {@code force_update} wants it: a page that detection
     * refuses but that has steps is converted all the same, and its reasons say so. Its score stays what detection
     * gave: the evidence the learned threshold is computed from.
     */
    public Conversion admitByHand(SourcePage page) {
        return convert(page, true);
    }

    private Conversion convert(SourcePage page, boolean admitByHand) {
        DetectionProfile current = profile.get();
        Document document;
        try {
            document = parser.parse(page.storageBody());
        } catch (IllFormedPageException e) {
            return Conversion.unreadable(page, e.getMessage());
        }
        TitleHeading.remove(document, page.title());
        Extraction extraction = StepExtractor.extract(document);
        Detection detection = detector.detect(page, extraction, current);
        if (!detection.isPlaybook() && admitByHand && !extraction.steps().isEmpty()) {
            detection = admitted(detection, current.threshold());
        }
        if (!detection.isPlaybook()) {
            return new Conversion(page, detection, null, null, List.of());
        }
        if (extraction.steps().isEmpty()) {
            return new Conversion(page, detection, null, null,
                    List.of("detected as a playbook, but no steps were found: no ordered list, numbered heading, "
                            + "step table or task list in a procedure section"));
        }
        Playbook playbook = assemble(page, extraction, detection, current.categoryFor(page.spaceKey()));
        List<String> problems = schemaProblems(playbook);
        if (!problems.isEmpty()) {
            return new Conversion(page, detection, null, null, problems);
        }
        return new Conversion(page, detection, playbook, PlaybookYaml.write(playbook), List.of(), false,
                PageLinks.in(document));
    }

    /** The schema's verdict; the JSON tree and the schema run only for a playbook the quick rules cannot vouch for. */
    private static List<String> schemaProblems(Playbook playbook) {
        return PlaybookRules.certainlyValid(playbook) ? List.of() : PlaybookSchema.problems(JSON.valueToTree(playbook));
    }

    private static Detection admitted(Detection refused, double threshold) {
        List<String> reasons = new ArrayList<>(refused.reasons());
        reasons.add(String.format(Locale.ROOT, "imported by hand with force_update although the score is below the "
                + "threshold %.2f", threshold));
        return new Detection(true, refused.score(), reasons);
    }

    private Playbook assemble(SourcePage page, Extraction extraction, Detection detection, String category) {
        PlaybookMetadata metadata = new PlaybookMetadata("confluence", page.id(), page.spaceKey(), page.webUrl(),
                Math.max(1, page.version()), page.labels(), ContentHash.of(page.storageBody()), detection.score(),
                detection.reasons());
        String description = extraction.description().isEmpty() ? null : extraction.description();
        return new Playbook(1, page.title(), category, description, extraction.parameters(),
                extraction.prerequisites(), extraction.steps(), extraction.rollback(), extraction.notes(),
                extraction.warnings(), metadata);
    }
}
