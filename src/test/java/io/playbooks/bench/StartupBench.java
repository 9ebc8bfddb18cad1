package io.playbooks.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A harness, not a test: time from launching {@code java -jar target/confluence-playbooks.jar} to the first answer of
 * {@code GET /api/v1/confluence/status}, on a new H2 file database (Flyway migrates it) and an empty offline folder,
 * with no Confluence configured; several launches, one after the other, and their median.
 * <pre>
 * mvn -B -q package -DskipTests &amp;&amp; mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) io.playbooks.bench.StartupBench [launches]
 * </pre>
 */
public final class StartupBench {

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int launches = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = Files.createDirectories(Path.of("target/bench/startup-" + System.currentTimeMillis()));
        List<Duration> times = new ArrayList<>();
        for (int i = 1; i <= launches; i++) {
            try (ServiceProcess service = ServiceProcess.launch(work.resolve("run-" + i), 18520, null, List.of())) {
                times.add(service.startup());
                System.out.printf("launch %d: first answer after %.2f s%n", i, service.startup().toMillis() / 1000.0);
            }
        }
        List<Duration> sorted = times.stream().sorted().toList();
        System.out.printf("median of %d launches: %.2f s (min %.2f s, max %.2f s)%n", launches,
                sorted.get(sorted.size() / 2).toMillis() / 1000.0, sorted.get(0).toMillis() / 1000.0,
                sorted.get(sorted.size() - 1).toMillis() / 1000.0);
    }
}
