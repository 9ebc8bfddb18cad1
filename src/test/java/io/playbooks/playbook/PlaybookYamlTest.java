package io.playbooks.playbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PlaybookYaml} writes SnakeYAML events itself; its documents must stay byte for byte those of the Jackson
 * YAML mapper ({@link JacksonPlaybookYaml}) on text that tests the library's quoting. The corpus pages are
 * compared in ConformanceTest and RealCorpusRobustnessTest.
 */
class PlaybookYamlTest {

    /** Text that YAML would read as something else, or that needs escapes, block indicators or quotes. */
    private static final List<String> TRICKY = List.of(
            "yes", "no", "null", "~", "true", "False", "on", "123", "0x1F", "1e3", "-1", ".5", "0777", "",
            "it's \"quoted\"", "key: value", "a # not a comment", "- leading dash", "--- document", "? question",
            "[not, a, list]", "{not: a map}", "&anchor *alias !tag", "%directive", "@at", "`backtick`", "|pipe", ">fold",
            "ends with colon:", " leading space", "trailing space ", "tab\there", "back\\slash",
            "unicode – ünïcödé ✓ 日本 😀", "bell\u0007 and nul\u0000", "bom\uFEFF", "nel\u0085 ls\u2028",
            "helm upgrade x \\\n  --atomic", "  indented first line\nsecond", "ends with newline\n",
            "two trailing newlines\n\n", "trailing spaces   \nnext", "crlf\r\nline", "tab\n\tindented", "\nleading newline",
            "x".repeat(300));

    private static final List<String> TRICKY_KEYS = List.of("Content-Type", "X-Request-Id", "yes", "null", "123",
            "key: colon", "with space", "#hash", "-dash", "ünï", "", "k".repeat(200));

    @Test
    void pinsTheDocumentOfAPlaybookWithQuotesColonsDashesBlocksAndUnicode() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("yes", "no");
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("url", "https://api.example.com/v1/items?q=a:b");
        call.put("method", "POST");
        call.put("headers", headers);
        call.put("body", "{\"sku\": \"- 1\"}");
        Playbook playbook = playbook(List.of(
                step("step_1", "Deploy: yes or no?", Map.of("command", "helm upgrade x \\\n  --atomic\n")),
                step("step_2", "- dash – ✓", Map.of("command", "123")),
                new Step("step_3", "Call", Step.HTTP_REQUEST, call, null, List.of("null"), null,
                        List.of(new Snippet("yaml", "  key: value\nlist:\n- a")), null, null)));
        assertThat(PlaybookYaml.write(playbook)).isEqualTo("""
                version: 1
                name: "Tricky: 'yes'"
                category: "general"
                parameters:
                - name: "HOST"
                  required: false
                prerequisites:
                - type: "manual_check"
                  description: null
                steps:
                - id: "step_1"
                  name: "Deploy: yes or no?"
                  action: "shell"
                  args:
                    command: |
                      helm upgrade x \\
                        --atomic
                - id: "step_2"
                  name: "- dash – ✓"
                  action: "shell"
                  args:
                    command: "123"
                - id: "step_3"
                  name: "Call"
                  action: "http_request"
                  args:
                    url: "https://api.example.com/v1/items?q=a:b"
                    method: "POST"
                    headers:
                      Content-Type: "application/json"
                      "yes": "no"
                    body: "{\\"sku\\": \\"- 1\\"}"
                  notes:
                  - "null"
                  snippets:
                  - language: "yaml"
                    code: |2-
                        key: value
                      list:
                      - a
                metadata:
                  source: "confluence"
                  confluence_page_id: "123"
                  confluence_version: 1
                  detection_score: 0.9
                  detection_reasons:
                  - "label 'runbook' marks a procedure (+0.30)"
                """);
    }

    @Test
    void writesTrickyTextExactlyAsTheJacksonMapperDoesInEveryPlace() throws Exception {
        for (String text : TRICKY) {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("command", text);
            Step step = new Step("step_1", text, Step.SHELL, args, text, List.of(text), List.of(text),
                    List.of(new Snippet(text, text)), List.of(new Image(text, text, text)), null);
            Playbook playbook = new Playbook(1, text, text, text, List.of(new Parameter(text, text, true)),
                    List.of(new Prerequisite(text, text)), List.of(step), List.of(step),
                    new PlaybookMetadata("confluence", text, text, text, 2, List.of(text), text, 0.35, List.of(text)));
            assertThat(PlaybookYaml.write(playbook)).as("text %s", text).isEqualTo(JacksonPlaybookYaml.write(playbook));
        }
    }

    @Test
    void writesTrickyHeaderNamesAndArgumentValuesAsTheJacksonMapperDoes() throws Exception {
        Map<String, Object> headers = new LinkedHashMap<>();
        TRICKY_KEYS.forEach(key -> headers.put(key, key));
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("url", "http://localhost/");
        args.put("method", "GET");
        args.put("headers", headers);
        args.put("empty", Map.of());
        args.put("nothing", null);
        args.put("body", "");
        args.put("list", new ArrayList<>(Arrays.asList("a", null, 3)));
        args.put("number", 42);
        args.put("flag", true);
        Playbook playbook = playbook(List.of(new Step("step_1", "Call", Step.HTTP_REQUEST, args, "", null, null,
                null, null, null)));
        assertThat(PlaybookYaml.write(playbook)).isEqualTo(JacksonPlaybookYaml.write(playbook));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, 0.1, 0.35, 1e-7, 12345678.9})
    void writesScoresAsTheJacksonMapperDoes(double score) throws Exception {
        Playbook playbook = new Playbook(1, "n", "c", null, null, null, List.of(step("step_1", "s", Map.of("message", "m"))),
                null, new PlaybookMetadata("confluence", "1", null, null, 0, null, null, score, null));
        assertThat(PlaybookYaml.write(playbook)).isEqualTo(JacksonPlaybookYaml.write(playbook));
    }

    @Test
    void refusesAnArgumentItCannotWriteAndNamesItsType() {
        Playbook playbook = playbook(List.of(step("step_1", "Odd", Map.of("command", new Object()))));
        assertThatThrownBy(() -> PlaybookYaml.write(playbook)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
    }

    private static Step step(String id, String name, Map<String, Object> args) {
        return new Step(id, name, Step.SHELL, new LinkedHashMap<>(args), null, null, null, null, null, null);
    }

    private static Playbook playbook(List<Step> steps) {
        return new Playbook(1, "Tricky: 'yes'", "general", "", List.of(new Parameter("HOST", null, false)),
                List.of(new Prerequisite("manual_check", null)), steps, List.of(),
                new PlaybookMetadata("confluence", "123", null, "", 1, List.of(), null, 0.9,
                        List.of("label 'runbook' marks a procedure (+0.30)")));
    }
}
