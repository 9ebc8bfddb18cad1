package io.playbooks.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A harness, not a test: time from launching {@code java -jar target/confluence-playbooks.jar} to the first answer of
 * {@code GET /api/v1/confluence/status}, on a new H2 file database (Flyway migrates it) and an empty offline folder,
 * with no Confluence configured; several launches, one after the other, and the medians of their wall and CPU time.
 * {@code -Dbench.restart=true} measures restarts instead: one launch creates the database, and the measured launches
 * start on it (Flyway finds it up to date).
 * <pre>
 * mvn -B -q package -DskipTests &amp;&amp; mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) io.playbooks.bench.StartupBench [launches]
 * </pre>
 * {@code -Dbench.jvm-args="..."} gives the service JVM options (e.g. the AppCDS archive of {@code bin/playbooks});
 * {@code -Dbench.java=/path/to/bin/java} another JVM than the {@code java} on the PATH (e.g. the JDK 25 with the AOT
 * cache of {@code bin/playbooks}); {@code -Dbench.port} another port than 18520.
 */
public final class StartupBench {

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int launches = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int port = Integer.getInteger("bench.port", 18520);
        String jvmArgs = System.getProperty("bench.jvm-args", "").trim();
        List<String> jvmOptions = jvmArgs.isEmpty() ? List.of() : List.of(jvmArgs.split("\\s+"));
        boolean restart = Boolean.getBoolean("bench.restart");
        Path work = Files.createDirectories(Path.of("target/bench/startup-" + System.currentTimeMillis()));
        if (restart) {
            ServiceProcess.launch(work.resolve("run"), port, null, jvmOptions).close();
        }
        List<Duration> times = new ArrayList<>();
        List<Duration> cpu = new ArrayList<>();
        for (int i = 1; i <= launches; i++) {
            try (ServiceProcess service = ServiceProcess.launch(work.resolve(restart ? "run" : "run-" + i), port, null, jvmOptions)) {
                times.add(service.startup());
                cpu.add(service.startupCpu());
                System.out.printf("launch %d: first answer after %.2f s, %.2f s of CPU%n", i, service.startup().toMillis() / 1000.0,
                        service.startupCpu().toMillis() / 1000.0);
            }
        }
        System.out.printf("%s, median of %d launches: %s; CPU until the first answer: %s%n",
                restart ? "restart on an existing database" : "first start on a new database", launches,
                spread(times), spread(cpu));
    }

    /** The median, with the least and the most. */
    private static String spread(List<Duration> durations) {
        List<Duration> sorted = durations.stream().sorted().toList();
        return String.format("%.2f s (min %.2f s, max %.2f s)", seconds(sorted.get(sorted.size() / 2)),
                seconds(sorted.get(0)), seconds(sorted.get(sorted.size() - 1)));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
