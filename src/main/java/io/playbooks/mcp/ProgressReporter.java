package io.playbooks.mcp;

/** Where a long tool call tells the client how far it is; does nothing unless the client asked for progress. */
@FunctionalInterface
public interface ProgressReporter {

    ProgressReporter NONE = (done, total, message) -> { };

    void report(double done, Double total, String message);
}
