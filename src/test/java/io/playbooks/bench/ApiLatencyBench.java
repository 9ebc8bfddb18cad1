package io.playbooks.bench;

import io.playbooks.confluence.FakeConfluence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A harness, not a test: API latency under load. The built jar, started as its own process with {@code -Xmx256m},
 * bulk-imports 750 generated pages (500 of them playbooks) from a fake Confluence Cloud; then Debian's {@code wrk}
 * ({@code apt-get install -y wrk}) calls {@code GET /api/v1/confluence/playbooks} (the whole list, about 500
 * summaries) at a paced rate through {@code bench/wrk-paced.lua} and prints p50/p90/p99 and the rate achieved,
 * after an unpaced warm-up that also shows the most the service answers per second on this machine.
 * <pre>
 * mvn -B -q package -DskipTests &amp;&amp; mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) io.playbooks.bench.ApiLatencyBench [rate/s] [seconds] [connections]
 * </pre>
 */
public final class ApiLatencyBench {

    private static final int PAGES = 750;

    private ApiLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path work = Files.createDirectories(Path.of("target/bench/api-" + System.currentTimeMillis()));
        try (FakeConfluence site = FakeConfluence.cloud().start()) {
            site.addSpace("BENCH", "Benchmark space");
            site.addGeneratedPages("BENCH", PAGES);
            Path config = ServiceProcess.confluenceConfig(work, site, "BENCH");
            try (ServiceProcess service = ServiceProcess.launch(work, 18510, config, List.of("-Xmx256m"))) {
                service.post("/bulk-import", "{\"space_key\": \"BENCH\"}");
                int stored = service.get("/playbooks").get("total_confluence_playbooks").asInt();
                String url = service.api("/playbooks").toString();
                System.out.printf("GET %s with %d stored playbooks%n", url, stored);
                System.out.println("warm-up, unpaced (most answers/s): "
                        + wrk(url, connections, 10, 0, work));
                int delayMs = connections * 1000 / rate;
                System.out.printf("paced at about %d/s (%d connections, %d ms between requests), %d s: %s%n",
                        rate, connections, delayMs, seconds, wrk(url, connections, seconds, delayMs, work));
            }
        }
    }

    /** Runs wrk with the pacing script and returns its RESULT line. */
    private static String wrk(String url, int connections, int seconds, int delayMs, Path work)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t", Integer.toString(Math.min(2, connections)),
                "-c", Integer.toString(connections), "-d", seconds + "s", "--latency", "-s", "bench/wrk-paced.lua", url));
        ProcessBuilder launch = new ProcessBuilder(command).redirectErrorStream(true);
        launch.environment().put("WRK_DELAY_MS", Integer.toString(delayMs));
        Process wrk = launch.start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Files.writeString(work.resolve("wrk-" + delayMs + "ms.txt"), output);
        return output.lines().filter(line -> line.startsWith("RESULT ")).findFirst()
                .map(line -> line.substring("RESULT ".length()))
                .orElseThrow(() -> new IllegalStateException("no RESULT line from wrk: " + output));
    }
}
