package io.playbooks.playbook;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick rules that let the converter skip the schema: never laxer than the schema (what they pass, the schema
 * passes), and they pass the playbooks the converter makes.
 */
class PlaybookRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> args(Object... keysAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            args.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return args;
    }

    private static Step step(String id, String action, Map<String, Object> args) {
        return new Step(id, "Do it", action, args, null, null, null, null, null, null);
    }

    private static Playbook playbook(List<Step> steps, PlaybookMetadata metadata) {
        return new Playbook(1, "Deploy", "general", "Why", List.of(new Parameter("HOST", null, true)),
                List.of(Prerequisite.manualCheck("Access")), steps, List.of(), metadata);
    }

    private static PlaybookMetadata metadata(String hash, double score, int version) {
        return new PlaybookMetadata("confluence", "123", "OPS", null, version, List.of(), hash, score, List.of("r"));
    }

    private static final PlaybookMetadata METADATA = metadata("sha256:" + "0".repeat(64), 0.8, 1);

    private static Playbook valid() {
        return playbook(List.of(
                step("step_1", Step.SHELL, args("command", "make deploy")),
                step("step_2", Step.HTTP_REQUEST, args("url", "https://x/health", "method", "GET",
                        "headers", Map.of("Accept", "application/json"), "body", "{}")),
                new Step("step_2_1", "Look", Step.NOOP, args("message", ""), "d", List.of("n"), List.of("w"),
                        List.of(new Snippet("sql", "select 1")), List.of(new Image(null, "https://x/i.png", null)),
                        List.of(step("step_2_1_1", Step.NOOP, args("message", "sub"))))), METADATA);
    }

    /** Each variant breaks one rule of the schema. */
    private static final List<UnaryOperator<Playbook>> BROKEN = List.of(
            p -> new Playbook(2, p.name(), p.category(), null, null, null, p.steps(), null, p.metadata()),
            p -> new Playbook(1, "", p.category(), null, null, null, p.steps(), null, p.metadata()),
            p -> new Playbook(1, p.name(), null, null, null, null, p.steps(), null, p.metadata()),
            p -> new Playbook(1, p.name(), p.category(), null, List.of(new Parameter("", "d", false)), null, p.steps(), null, p.metadata()),
            p -> new Playbook(1, p.name(), p.category(), null, null, List.of(new Prerequisite("manual_check", null)), p.steps(), null, p.metadata()),
            p -> new Playbook(1, p.name(), p.category(), null, null, null, List.of(), null, p.metadata()),
            p -> new Playbook(1, p.name(), p.category(), null, null, null, p.steps(), null, null),
            p -> playbook(List.of(step("Step-1", Step.SHELL, args("command", "ls"))), METADATA),
            p -> playbook(List.of(step("step_1", Step.SHELL, args("command", ""))), METADATA),
            p -> playbook(List.of(step("step_1", Step.SHELL, args())), METADATA),
            p -> playbook(List.of(step("step_1", "teleport", args("command", "ls"))), METADATA),
            p -> playbook(List.of(step("step_1", Step.HTTP_REQUEST, args("url", "https://x", "method", "get it"))), METADATA),
            p -> playbook(List.of(step("step_1", Step.HTTP_REQUEST, args("method", "GET"))), METADATA),
            p -> playbook(List.of(step("step_1", Step.HTTP_REQUEST, args("url", "https://x", "method", "GET",
                    "headers", Map.of("Retry", 3)))), METADATA),
            p -> playbook(List.of(step("step_1", Step.HTTP_REQUEST, args("url", "https://x", "method", "GET", "body", 7))), METADATA),
            p -> playbook(List.of(step("step_1", Step.NOOP, args("text", "x"))), METADATA),
            p -> playbook(List.of(new Step("step_1", "Look", Step.NOOP, args("message", "m"), null, null, null,
                    List.of(new Snippet(null, "x")), null, null)), METADATA),
            p -> playbook(List.of(new Step("step_1", "Look", Step.NOOP, args("message", "m"), null, null, null, null,
                    List.of(new Image(null, null, "alt only")), null)), METADATA),
            p -> playbook(List.of(new Step("step_1", "Look", Step.NOOP, args("message", "m"), null, null, null, null, null,
                    List.of(step("bad", Step.NOOP, args("message", "m"))))), METADATA),
            p -> playbook(p.steps(), metadata("md5:abc", 0.8, 1)),
            p -> playbook(p.steps(), metadata(null, 1.5, 1)),
            p -> playbook(p.steps(), metadata(null, 0.5, 0)));

    @Test
    void aValidPlaybookPassesBothTheRulesAndTheSchema() {
        assertThat(PlaybookRules.certainlyValid(valid())).isTrue();
        assertThat(PlaybookSchema.problems(JSON.valueToTree(valid()))).isEmpty();
    }

    @Test
    void everyBrokenRuleIsCaughtByTheRulesAndByTheSchema() {
        for (UnaryOperator<Playbook> breaking : BROKEN) {
            Playbook broken = breaking.apply(valid());
            assertThat(PlaybookRules.certainlyValid(broken)).as("rules on %s", broken).isFalse();
            assertThat(PlaybookSchema.problems(JSON.valueToTree(broken))).as("schema on %s", broken).isNotEmpty();
        }
    }
}
