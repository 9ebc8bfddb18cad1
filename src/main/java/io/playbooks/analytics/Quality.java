package io.playbooks.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.playbooks.storage.SpaceFigures;

/**
 * Conversion quality of a space: the share of steps of its current playbooks that carry a command or URL (the rest
 * are manual noop steps, or steps of an unknown action), and the share of its playbook pages whose last import
 * failed validation or conversion.
 */
public record Quality(int steps,
                      @JsonProperty("concrete_steps") int concreteSteps,
                      @JsonProperty("noop_steps") int noopSteps,
                      @JsonProperty("concrete_step_share") Double concreteStepShare,
                      @JsonProperty("noop_step_share") Double noopStepShare,
                      @JsonProperty("validation_failures") int validationFailures,
                      @JsonProperty("validation_failure_share") Double validationFailureShare) {

    public static Quality of(SpaceFigures figures) {
        return new Quality(figures.steps(), figures.concreteSteps(), figures.noopSteps(),
                Ratio.of(figures.concreteSteps(), figures.steps()), Ratio.of(figures.noopSteps(), figures.steps()),
                figures.invalidPages(), Ratio.of(figures.invalidPages(), figures.playbookPages()));
    }
}
