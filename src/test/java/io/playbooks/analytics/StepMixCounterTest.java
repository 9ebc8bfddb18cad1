package io.playbooks.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.storage.StepMix;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StepMixCounterTest {

    private final StepMixCounter counter = new StepMixCounter(new ObjectMapper());

    @Test
    void stepsWithACommandOrUrlAreConcreteSubstepsIncludedRollbackNot() {
        String json = """
                {"steps": [
                  {"action": "shell", "args": {"command": "systemctl restart api"}},
                  {"action": "http_request", "args": {"url": "https://api/health", "method": "GET"}},
                  {"action": "noop", "args": {"message": "check the graphs"}, "substeps": [
                    {"action": "shell", "args": {"command": "  "}},
                    {"action": "http_request", "args": {"method": "GET"}},
                    {"action": "noop", "args": {"message": "wait"}}]}],
                 "rollback": [{"action": "shell", "args": {"command": "git revert"}}]}
                """;

        assertThat(counter.apply(json)).isEqualTo(new StepMix(6, 2, 2));
    }

    @Test
    void anAbsentOrUnreadablePlaybookHasNoSteps() {
        assertThat(counter.apply(null)).isEqualTo(new StepMix(0, 0, 0));
        assertThat(counter.apply("{not json")).isEqualTo(new StepMix(0, 0, 0));
        assertThat(counter.apply("{\"name\": \"x\"}")).isEqualTo(new StepMix(0, 0, 0));
    }
}
