package io.playbooks.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.playbook.Step;
import io.playbooks.storage.StepMix;

import java.util.function.Function;

/**
 * Counts the steps of a stored playbook JSON, substeps included: concrete ones carry what an agent can run
 * (a shell command, an HTTP URL), noop ones are manual instructions. Rollback steps are not counted.
 */
public final class StepMixCounter implements Function<String, StepMix> {

    private final ObjectMapper json;

    public StepMixCounter(ObjectMapper json) {
        this.json = json;
    }

    /** The mix of a playbook JSON; an absent or unreadable one has no steps (it is counted once, as nothing). */
    @Override
    public StepMix apply(String playbookJson) {
        if (playbookJson == null || playbookJson.isBlank()) {
            return new StepMix(0, 0, 0);
        }
        try {
            int[] counts = new int[3];
            count(json.readTree(playbookJson).path("steps"), counts);
            return new StepMix(counts[0], counts[1], counts[2]);
        } catch (JsonProcessingException e) {
            return new StepMix(0, 0, 0);
        }
    }

    private static void count(JsonNode steps, int[] counts) {
        for (JsonNode step : steps) {
            counts[0]++;
            if (isConcrete(step)) {
                counts[1]++;
            } else if (Step.NOOP.equals(step.path("action").asText())) {
                counts[2]++;
            }
            count(step.path("substeps"), counts);
        }
    }

    private static boolean isConcrete(JsonNode step) {
        JsonNode args = step.path("args");
        return switch (step.path("action").asText()) {
            case Step.SHELL -> !args.path("command").asText().isBlank();
            case Step.HTTP_REQUEST -> !args.path("url").asText().isBlank();
            default -> false;
        };
    }
}
