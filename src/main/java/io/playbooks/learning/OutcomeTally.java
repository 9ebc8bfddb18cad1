package io.playbooks.learning;

import java.util.EnumMap;
import java.util.Map;

/** How many reported runs of a playbook ended in each outcome. */
public record OutcomeTally(Map<ExecutionOutcome, Long> counts) {

    public static final OutcomeTally NONE = new OutcomeTally(Map.of());

    public OutcomeTally {
        EnumMap<ExecutionOutcome, Long> all = new EnumMap<>(ExecutionOutcome.class);
        for (ExecutionOutcome outcome : ExecutionOutcome.values()) {
            all.put(outcome, counts.getOrDefault(outcome, 0L));
        }
        counts = Map.copyOf(all);
    }

    public long runs() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long of(ExecutionOutcome outcome) {
        return counts.get(outcome);
    }

    /** The runs weighed by their outcome's credit: successes plus half the partial runs plus a quarter of the aborted. */
    public double credit() {
        return counts.entrySet().stream().mapToDouble(e -> e.getKey().credit() * e.getValue()).sum();
    }
}
