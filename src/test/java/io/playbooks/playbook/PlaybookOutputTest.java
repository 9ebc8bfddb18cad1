package io.playbooks.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** YAML output and schema validation of playbook documents. */
class PlaybookOutputTest {

    private static Playbook playbook(List<Step> steps) {
        return new Playbook(1, "Deploy: yes or no?", "general", "Line one", List.of(new Parameter("HOST", "the host", true)),
                List.of(Prerequisite.manualCheck("Access")), steps, List.of(),
                new PlaybookMetadata("confluence", "123", "INFRA", null, 3, List.of("runbook"),
                        "sha256:" + "a".repeat(64), 0.9, List.of("label 'runbook' marks a procedure (+0.30)")));
    }

    private static Step shell(String id, String command) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("command", command);
        return new Step(id, "Run it", Step.SHELL, args, null, null, null, null, null, null);
    }

    @Test
    void yamlIsDeterministicInRecordKeyOrderWithLiteralBlocksAndRoundTrips() throws Exception {
        Playbook playbook = playbook(List.of(shell("step_1", "helm upgrade x \\\n  --atomic"), shell("step_2", "yes")));
        String yaml = PlaybookYaml.write(playbook);
        assertThat(PlaybookYaml.write(playbook)).isEqualTo(yaml);
        assertThat(yaml).startsWith("version: 1\nname: ");
        assertThat(yaml.indexOf("category:")).isLessThan(yaml.indexOf("description:"));
        assertThat(yaml.indexOf("steps:")).isLessThan(yaml.indexOf("metadata:"));
        assertThat(yaml).contains("command: |-\n      helm upgrade x \\\n        --atomic");
        JsonNode back = new YAMLMapper().readTree(yaml);
        assertThat(back.path("name").asText()).isEqualTo("Deploy: yes or no?");
        assertThat(back.path("steps").get(1).path("args").path("command").asText()).isEqualTo("yes");
        assertThat(back).isEqualTo(new ObjectMapper().valueToTree(playbook));
    }

    @Test
    void aValidPlaybookHasNoSchemaProblems() {
        JsonNode tree = new ObjectMapper().valueToTree(playbook(List.of(shell("step_1", "ls"))));
        assertThat(PlaybookSchema.problems(tree)).isEmpty();
    }

    @Test
    void schemaRejectsAPlaybookWithoutStepsAndStepsWithoutTheirArguments() {
        ObjectMapper json = new ObjectMapper();
        assertThat(PlaybookSchema.problems(json.valueToTree(playbook(List.of())))).isNotEmpty()
                .anySatisfy(problem -> assertThat(problem).contains("steps"));
        Step noUrl = new Step("step_1", "Call", Step.HTTP_REQUEST, Map.of("method", "GET"), null, null, null, null, null, null);
        assertThat(PlaybookSchema.problems(json.valueToTree(playbook(List.of(noUrl))))).anySatisfy(p -> assertThat(p).contains("url"));
        Step badAction = new Step("step_1", "Do", "teleport", Map.of(), null, null, null, null, null, null);
        assertThat(PlaybookSchema.problems(json.valueToTree(playbook(List.of(badAction))))).isNotEmpty();
    }
}
