package io.playbooks.learning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.playbooks.api.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An execution report read from JSON: each bad field refused with its name and what it must be. */
class ExecutionReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsAFullReport() throws Exception {
        ExecutionReport report = read("{\"outcome\": \"Partial\", \"duration_ms\": 42000, \"notes\": \"step 3 timed out\"}");

        assertThat(report).isEqualTo(new ExecutionReport(ExecutionOutcome.PARTIAL, 42000, "step 3 timed out"));
    }

    @Test
    void notesAreOptionalAndBlankNotesAreNone() throws Exception {
        assertThat(read("{\"outcome\": \"success\", \"duration_ms\": 0}").notes()).isNull();
        assertThat(read("{\"outcome\": \"success\", \"duration_ms\": 0, \"notes\": \"  \"}").notes()).isNull();
    }

    @Test
    void eachBadFieldIsNamed() {
        assertRefused("{\"duration_ms\": 5}", "outcome is required: one of success, partial, aborted, failure");
        assertRefused("{\"outcome\": \"won\", \"duration_ms\": 5}",
                "outcome must be one of success, partial, aborted, failure, not 'won'");
        assertRefused("{\"outcome\": \"success\"}", "duration_ms is required: how long the run took, in milliseconds");
        assertRefused("{\"outcome\": \"success\", \"duration_ms\": -1}", "duration_ms must be 0 or more milliseconds, not -1");
        assertRefused("{\"outcome\": \"success\", \"duration_ms\": \"soon\"}",
                "duration_ms must be a whole number of milliseconds, not \"soon\"");
        assertRefused("{\"outcome\": \"success\", \"duration_ms\": 1.5}",
                "duration_ms must be a whole number of milliseconds, not 1.5");
        assertRefused("{\"outcome\": \"success\", \"duration_ms\": 1, \"notes\": \"" + "x".repeat(4001) + "\"}",
                "notes must be at most 4000 characters, not 4001");
    }

    private static void assertRefused(String body, String message) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(ValueInstantiationException.class)
                .rootCause().isInstanceOf(ApiException.class).hasMessage(message);
    }

    private static ExecutionReport read(String body) throws Exception {
        return JSON.readValue(body, ExecutionReport.class);
    }
}
