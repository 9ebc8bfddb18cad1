package io.playbooks.ops;

import io.playbooks.confluence.FakeConfluence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test of services in child processes ({@link ChildService}) on one H2 file under {@link #workDir}, fed by one fake
 * Confluence: the children still running are killed after the test, and the fake closed.
 */
abstract class ChildOnH2FileTest {

    @TempDir
    Path workDir;

    FakeConfluence site;
    private final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void stopChildren() throws Exception {
        for (Process node : nodes) {
            node.destroyForcibly().waitFor();
        }
        if (site != null) {
            site.close();
        }
    }

    /** The last lines of a child's log, shown when an assertion fails (the folder is deleted after the test). */
    String tail(String logName, int lines) {
        try {
            List<String> all = Files.readAllLines(workDir.resolve(logName));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Starts a child on the H2 file with H2 holding commits in memory for {@code writeDelayMs} (WRITE_DELAY). */
    Process start(int port, Path config, String logName, int writeDelayMs) throws Exception {
        Process node = ChildService.startOnH2File(workDir, port, config, logName, writeDelayMs);
        nodes.add(node);
        return node;
    }
}
