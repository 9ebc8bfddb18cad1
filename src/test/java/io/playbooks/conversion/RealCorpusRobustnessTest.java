package io.playbooks.conversion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.page.OfflinePageReader;
import io.playbooks.page.SourcePage;
import io.playbooks.page.UnreadablePageException;
import io.playbooks.playbook.JacksonPlaybookYaml;
import io.playbooks.playbook.PlaybookSchema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Every real-world page of shared/corpus/real (read in place through the system property shared.dir, never
 * copied) converts or is rejected with a reason, never an exception; once as it is and once dressed as a
 * runbook, so that extraction, schema validation and YAML run on every page too; the YAML must be what the
 * Jackson YAML mapper writes for the playbook.
 */
class RealCorpusRobustnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PageConverter converter = new PageConverter();

    @TestFactory
    Stream<DynamicTest> everyRealPageConvertsOrIsRejectedWithAReason() throws IOException {
        Path real = Path.of(System.getProperty("shared.dir", "../shared"), "corpus", "real");
        assumeThat(Files.isDirectory(real)).as("shared corpus at " + real).isTrue();
        List<Path> pages;
        try (Stream<Path> files = Files.walk(real)) {
            pages = files.filter(file -> file.toString().endsWith(".xhtml")).sorted().toList();
        }
        assertThat(pages).isNotEmpty();
        return pages.stream().map(file -> DynamicTest.dynamicTest(real.relativize(file).toString(), () -> check(file)));
    }

    private void check(Path file) throws UnreadablePageException, JsonProcessingException {
        SourcePage page = new OfflinePageReader().read(file);
        assertConvertsOrExplains(converter.convert(page));
        SourcePage dressed = new SourcePage(page.id(), "OPS", "How to deploy " + page.title(), List.of("runbook"),
                1, page.storageBody(), null, null, List.of());
        assertConvertsOrExplains(converter.convert(dressed));
    }

    static void assertConvertsOrExplains(Conversion conversion) throws JsonProcessingException {
        assertThat(conversion.detection().reasons()).as("detection reasons").isNotEmpty();
        assertThat(conversion.detection().score()).isBetween(0.0, 1.0);
        if (conversion.hasPlaybook()) {
            assertThat(conversion.yaml()).startsWith("version: 1")
                    .as("YAML as the Jackson mapper writes it").isEqualTo(JacksonPlaybookYaml.write(conversion.playbook()));
            assertThat(conversion.problems()).isEmpty();
            // the converter trusts PlaybookRules to skip the schema: every playbook it lets out must satisfy the schema
            assertThat(PlaybookSchema.problems(JSON.valueToTree(conversion.playbook()))).as("schema problems").isEmpty();
        } else if (conversion.detection().isPlaybook() || conversion.unreadable()) {
            assertThat(conversion.problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem).doesNotContain("\n"));
        }
    }
}
