package io.playbooks.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.page.SourcePage;
import io.playbooks.playbook.JacksonPlaybookYaml;
import io.playbooks.playbook.Playbook;
import io.playbooks.playbook.Prerequisite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance on annotated pages, scored the way shared/tools/score_conversion.py scores them: the 30 pages of
 * src/test/resources/corpus/authored (from ../shared), and those of corpus/more, written here to aim at the rules
 * the authored pages cover thinly (step tables with other column names, section headings in other words, numbered
 * section names, prompts of other shells, link indexes, empty list items...). Every page as annotated: its detection,
 * the action and command of every step and rollback step, its prerequisites (matched as the scorer matches them), and
 * YAML byte for byte what the Jackson YAML mapper writes.
 */
class ConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PageConverter converter = new PageConverter();

    @ParameterizedTest
    @CsvSource({"authored, 30", "more, 5356"})
    void convertsTheAnnotatedPagesAsExpected(String corpusName, int pages) throws IOException {
        Path corpus = Path.of("src/test/resources/corpus", corpusName);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<Double> stepScores = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (Path expectedFile : expectedFiles(corpus, pages)) {
            String name = expectedFile.getFileName().toString().replace(".expected.json", "");
            JsonNode expected = JSON.readTree(expectedFile.toFile());
            Conversion conversion = converter.convert(page(corpus, name, expected));
            boolean want = expected.path("is_playbook").asBoolean();
            boolean got = conversion.hasPlaybook();
            if (want && got) {
                tp++;
            } else if (want) {
                fn++;
            } else if (got) {
                fp++;
            }
            if (want != got) {
                misses.add(name + ": detection expected " + want + ", got " + got + " " + conversion.detection().reasons());
            }
            if (!want) {
                System.err.printf(Locale.ROOT, "%-45s not a playbook, score %.2f%n", name, conversion.detection().score());
                continue;
            }
            Playbook playbook = conversion.playbook();
            if (playbook != null && !conversion.yaml().equals(JacksonPlaybookYaml.write(playbook))) {
                misses.add(name + ": YAML differs from what the Jackson YAML mapper writes");
            }
            double steps = ConformanceScore.steps(expected.get("steps"), playbook == null ? List.of() : playbook.steps());
            double rollback = expected.has("rollback")
                    ? ConformanceScore.steps(expected.get("rollback"), playbook == null ? List.of() : playbook.rollback()) : 1.0;
            stepScores.add(steps);
            System.err.printf(Locale.ROOT, "%-45s steps %.2f rollback %.2f score %.2f%n", name, steps, rollback,
                    conversion.detection().score());
            if (steps < 1.0 || rollback < 1.0) {
                misses.add(name + ": steps " + steps + ", rollback " + rollback);
            }
            if (playbook != null && !ConformanceScore.prerequisites(texts(expected.path("prerequisites")), prerequisites(playbook))) {
                misses.add(name + ": prerequisites " + prerequisites(playbook));
            }
        }
        double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
        double meanSteps = stepScores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.err.printf(Locale.ROOT, "detection F1=%.2f (tp %d fp %d fn %d); steps=%.3f%n", f1, tp, fp, fn, meanSteps);
        assertThat(f1).as("detection F1").isGreaterThanOrEqualTo(0.95);
        assertThat(meanSteps).as("mean step score").isGreaterThanOrEqualTo(0.95);
        assertThat(misses).as("pages converted differently from their annotation").isEmpty();
    }

    private static List<Path> expectedFiles(Path corpus, int pages) throws IOException {
        try (Stream<Path> files = Files.list(corpus)) {
            List<Path> expected = files.filter(f -> f.toString().endsWith(".expected.json")).sorted().toList();
            assertThat(expected).as("annotated pages in " + corpus).hasSize(pages);
            return expected;
        }
    }

    private static SourcePage page(Path corpus, String name, JsonNode expected) throws IOException {
        String body = Files.readString(corpus.resolve(name + ".xhtml"));
        return SourcePage.of(name, expected.path("space").asText(null), expected.path("title").asText(),
                texts(expected.path("labels")), body);
    }

    private static List<String> prerequisites(Playbook playbook) {
        return playbook.prerequisites().stream().map(Prerequisite::description).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
