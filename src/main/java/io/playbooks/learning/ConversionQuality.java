package io.playbooks.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.playbook.PlaybookSchema;
import io.playbooks.playbook.Step;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How well a page converted, read from the stored playbook JSON: how many of its steps (substeps and rollback
 * included) an agent can run as they are (a shell command or a URL) rather than read as manual work, the detection
 * score, and the problems the playbook schema finds in it today.
 */
public record ConversionQuality(int steps, int concreteSteps, double detectionScore, List<String> problems) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ConversionQuality {
        problems = List.copyOf(problems);
    }

    public static ConversionQuality of(String playbookJson) {
        if (playbookJson == null || playbookJson.isBlank()) {
            return new ConversionQuality(0, 0, 0, List.of("no stored playbook content"));
        }
        JsonNode playbook;
        try {
            playbook = JSON.readTree(playbookJson);
        } catch (IOException e) {
            return new ConversionQuality(0, 0, 0, List.of("the stored playbook is not readable JSON: " + e.getMessage()));
        }
        List<JsonNode> steps = new ArrayList<>();
        collect(playbook.path("steps"), steps);
        collect(playbook.path("rollback"), steps);
        int concrete = (int) steps.stream().filter(ConversionQuality::concrete).count();
        return new ConversionQuality(steps.size(), concrete,
                playbook.path("metadata").path("detection_score").asDouble(0), PlaybookSchema.problems(playbook));
    }

    /** Share of steps with a command or URL; 0 for a playbook without steps. */
    public double concreteShare() {
        return steps == 0 ? 0 : (double) concreteSteps / steps;
    }

    private static void collect(JsonNode steps, List<JsonNode> into) {
        for (JsonNode step : steps) {
            into.add(step);
            collect(step.path("substeps"), into);
        }
    }

    private static boolean concrete(JsonNode step) {
        String action = step.path("action").asText();
        JsonNode args = step.path("args");
        return Step.SHELL.equals(action) && !args.path("command").asText().isBlank()
                || Step.HTTP_REQUEST.equals(action) && !args.path("url").asText().isBlank();
    }
}
