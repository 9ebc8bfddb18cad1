package io.playbooks.learning;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a reported run of a playbook ended. The credit is what the run counts toward the success ratio: a partial
 * run half, an aborted one a quarter (the agent stopped: the playbook may not have fitted), a failure nothing.
 */
public enum ExecutionOutcome {
    SUCCESS(1), PARTIAL(0.5), ABORTED(0.25), FAILURE(0);

    private final double credit;

    ExecutionOutcome(double credit) {
        this.credit = credit;
    }

    public double credit() {
        return credit;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExecutionOutcome> fromCode(String code) {
        return code == null ? Optional.empty()
                : Arrays.stream(values()).filter(o -> o.code().equals(code.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    static String codes() {
        return String.join(", ", Arrays.stream(values()).map(ExecutionOutcome::code).toList());
    }
}
