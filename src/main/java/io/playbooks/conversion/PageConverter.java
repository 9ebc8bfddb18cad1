package io.playbooks.conversion;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.page.SourcePage;
import io.playbooks.playbook.Playbook;
import io.playbooks.playbook.PlaybookMetadata;
import io.playbooks.playbook.PlaybookRules;
import io.playbooks.playbook.PlaybookSchema;
import io.playbooks.playbook.PlaybookYaml;
import org.jsoup.nodes.Document;

import java.util.List;
import java.util.Map;

/**
 * Detects whether a page is a playbook and, when it is, converts its storage-format body into one, validated
 * against the playbook schema. Never throws for bad input: an ill-formed body or a detected page without steps
 * comes back as a conversion without playbook whose problems say why. Thread-safe.
 */
public class PageConverter {

    public static final String DEFAULT_CATEGORY = "general";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> spaceCategories;
    private final StorageFormatParser parser = new StorageFormatParser();
    private final PlaybookDetector detector = new PlaybookDetector();

    public PageConverter() {
        this(Map.of());
    }

    /** @param spaceCategories space key to playbook category; other spaces get {@value #DEFAULT_CATEGORY} */
    public PageConverter(Map<String, String> spaceCategories) {
        this.spaceCategories = Map.copyOf(spaceCategories);
    }

    public Conversion convert(SourcePage page) {
        Document document;
        try {
            document = parser.parse(page.storageBody());
        } catch (IllFormedPageException e) {
            return Conversion.unreadable(page, e.getMessage());
        }
        Extraction extraction = StepExtractor.extract(document);
        Detection detection = detector.detect(page, extraction);
        if (!detection.isPlaybook()) {
            return new Conversion(page, detection, null, null, List.of());
        }
        if (extraction.steps().isEmpty()) {
            return new Conversion(page, detection, null, null,
                    List.of("detected as a playbook, but no steps were found: no ordered list, numbered heading, "
                            + "step table or task list in a procedure section"));
        }
        Playbook playbook = assemble(page, extraction, detection);
        List<String> problems = schemaProblems(playbook);
        if (!problems.isEmpty()) {
            return new Conversion(page, detection, null, null, problems);
        }
        return new Conversion(page, detection, playbook, PlaybookYaml.write(playbook), List.of());
    }

    /** The schema's verdict; the JSON tree and the schema run only for a playbook the quick rules cannot vouch for. */
    private static List<String> schemaProblems(Playbook playbook) {
        return PlaybookRules.certainlyValid(playbook) ? List.of() : PlaybookSchema.problems(JSON.valueToTree(playbook));
    }

    private Playbook assemble(SourcePage page, Extraction extraction, Detection detection) {
        PlaybookMetadata metadata = new PlaybookMetadata("confluence", page.id(), page.spaceKey(), page.webUrl(),
                Math.max(1, page.version()), page.labels(), ContentHash.of(page.storageBody()), detection.score(),
                detection.reasons());
        String category = page.spaceKey() == null ? DEFAULT_CATEGORY
                : spaceCategories.getOrDefault(page.spaceKey(), DEFAULT_CATEGORY);
        String description = extraction.description().isEmpty() ? null : extraction.description();
        return new Playbook(1, page.title(), category, description, extraction.parameters(),
                extraction.prerequisites(), extraction.steps(), extraction.rollback(), metadata);
    }
}
