package io.playbooks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.playbooks.confluence.ConfluenceClient;
import io.playbooks.confluence.FakeConfluence;
import org.apache.camel.impl.DefaultCamelContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A harness, not a test: the built jar, started as its own process with {@code -Xmx256m}, bulk-imports a space of
 * N pages from a fake Confluence Cloud that answers every call after a fixed latency, then syncs the unchanged
 * space. Prints the figures of the README: time, pages/s, requests, peak heap, startup time.
 * {@code -Dbench.warmup-pages=M} first imports another space of M pages, untimed, so that the timed import meets a
 * service whose code the JIT has already compiled (a service that has been running, not one just started);
 * {@code -Dbench.warmup-rounds=R} imports that space R times (the later rounds with {@code force_update}: the same
 * work, a new version of each playbook; with {@code -Dbench.warmup-fresh=true} R new spaces instead, each once, as
 * the timed import is), and the timed import starts once the JIT compilers have been idle for a
 * second, so that it meets code compiled as a service running for days would have it. The stand-in builds each
 * answer once, before the timed import ({@code -Dbench.reuse-replies=false}: at every call), so that the cores
 * measured are the service's; {@code -Dbench.timeline=true} prints when each request of the import came.
 * <pre>
 * mvn -B -q package -DskipTests &amp;&amp; mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) io.playbooks.bench.BulkImportBench 10000 20
 * </pre>
 */
public final class BulkImportBench {

    /** A collection in the unified GC log: "... Pause Young (Normal) (G1 Evacuation Pause) 150M->31M(256M) 4.1ms". */
    private static final Pattern HEAP_BEFORE_GC = Pattern.compile(" (\\d+)M->\\d+M\\(");

    private BulkImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmupPages = Integer.getInteger("bench.warmup-pages", 0);
        int warmupRounds = Integer.getInteger("bench.warmup-rounds", 1);
        // the later rounds import other new spaces instead of the same one again with force_update
        boolean freshWarmup = Boolean.getBoolean("bench.warmup-fresh");
        Path work = Files.createDirectories(Path.of("target/bench/bulk-" + System.currentTimeMillis()));
        Path gcLog = work.toAbsolutePath().resolve("gc.log");
        try (FakeConfluence site = FakeConfluence.cloud().start()) {
            site.addSpace("BENCH", "Benchmark space");
            site.addGeneratedPages("BENCH", pages);
            if (warmupPages > 0) {
                site.addSpace("WARM", "Warm-up space");
                site.addGeneratedPages("WARM", warmupPages);
                for (int round = 2; freshWarmup && round <= warmupRounds; round++) {
                    site.addSpace("WARM" + round, "Warm-up space " + round);
                    site.addGeneratedPages("WARM" + round, warmupPages);
                }
            }
            site.latency(Duration.ofMillis(latencyMs));
            // a remote Confluence builds its answers on its own machine: here they are built once, so that the cores
            // measured are the service's (-Dbench.reuse-replies=false builds every answer anew, as the tests' site does)
            if (Boolean.parseBoolean(System.getProperty("bench.reuse-replies", "true"))) {
                site.reuseReplies();
                primeStandIn(site, "BENCH");
            }
            Path config = ServiceProcess.confluenceConfig(work, site, "BENCH");
            // the heap's peak is read from the GC log (used heap before each collection): a jcmd every 200 ms would
            // start a JVM each time, on the cores the service needs
            List<String> jvmOptions = new ArrayList<>(List.of("-Xmx256m", "-Xlog:gc:file=" + gcLog));
            // e.g. -Dbench.jvm-args=-XX:StartFlightRecording=filename=target/bench/service.jfr to profile the service
            String extraJvmArgs = System.getProperty("bench.jvm-args", "");
            if (!extraJvmArgs.isBlank()) {
                jvmOptions.addAll(List.of(extraJvmArgs.trim().split("\\s+")));
            }
            try (ServiceProcess service = ServiceProcess.launch(work, 18900, config, jvmOptions)) {
                if (warmupPages > 0) {
                    JsonNode warmup = service.post("/bulk-import", "{\"space_key\": \"WARM\"}");
                    System.out.printf("warm-up import of %d pages: %d imported%n", warmupPages,
                            warmup.get("successful_imports").asInt());
                    for (int round = 2; round <= warmupRounds; round++) {
                        JsonNode again = service.post("/bulk-import", freshWarmup ? "{\"space_key\": \"WARM" + round + "\"}"
                                : "{\"space_key\": \"WARM\", \"force_update\": true}");
                        System.out.printf("warm-up round %d: %d imported %s%n", round, again.get("successful_imports").asInt(),
                                freshWarmup ? "from another space" : "again");
                    }
                    if (warmupRounds > 1) {
                        System.out.printf("JIT compilers idle after %.1f s%n", untilCompilersIdle(service.pid()));
                    }
                }
                site.resetRequests();
                Duration cpuBefore = cpuTime(service.pid());
                Duration standInCpuBefore = cpuTime(ProcessHandle.current().pid());
                Map<Long, ThreadCpu.Sample> standInBefore = ThreadCpu.of(ProcessHandle.current().pid());
                Map<Long, ThreadCpu.Sample> threadsBefore = ThreadCpu.of(service.pid());
                int collectionsBefore = heapBeforeEachCollection(gcLog).size();
                long start = System.nanoTime();
                JsonNode report = service.post("/bulk-import", "{\"space_key\": \"BENCH\"}");
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = cpuTime(service.pid()).minus(cpuBefore).toMillis() / 1000.0;
                double standInCpuSeconds = cpuTime(ProcessHandle.current().pid()).minus(standInCpuBefore).toMillis() / 1000.0;
                String cpuByThread = ThreadCpu.difference(threadsBefore, ThreadCpu.of(service.pid()));
                List<Integer> heaps = heapBeforeEachCollection(gcLog);
                int peakHeapMb = heaps.subList(collectionsBefore, heaps.size()).stream().max(Integer::compare).orElse(0);
                int importRequests = site.requestCount();
                if (Boolean.getBoolean("bench.timeline")) {
                    printRequestTimeline(site);
                }
                site.resetRequests();
                Duration syncCpuBefore = cpuTime(service.pid());
                long syncStart = System.nanoTime();
                JsonNode sync = service.post("/sync", "{}");
                double syncSeconds = (System.nanoTime() - syncStart) / 1e9;
                double syncCpuSeconds = cpuTime(service.pid()).minus(syncCpuBefore).toMillis() / 1000.0;
                int syncRequests = site.requestCount();
                System.out.printf("pages %d, latency %d ms%n", pages, latencyMs);
                System.out.printf("startup to first answer: %.2f s%n", service.startup().toMillis() / 1000.0);
                System.out.printf("bulk import: %.2f s, %.0f pages/s, %d requests, imported %d, not playbooks %d, failed %d%n",
                        seconds, pages / seconds, importRequests, report.get("successful_imports").asInt(),
                        report.get("not_playbooks").asInt(), report.get("failed_imports").asInt());
                // CPU time of the service process: less sensitive than wall time to other work on a shared machine
                System.out.printf("service CPU for the import: %.1f s (%.0f pages per CPU-second)%n", cpuSeconds,
                        pages / cpuSeconds);
                // the stand-in shares the machine's cores with the service
                System.out.printf("stand-in Confluence (this process) CPU meanwhile: %.1f s%n%s", standInCpuSeconds,
                        ThreadCpu.difference(standInBefore, ThreadCpu.of(ProcessHandle.current().pid())));
                // JIT compilers and garbage collector included, which a Java profiler does not sample
                System.out.print("service CPU for the import by thread group:\n" + cpuByThread);
                System.out.printf("peak heap used (before the largest of %d collections during the import, -Xmx256m): %d MB%n",
                        heaps.size() - collectionsBefore, peakHeapMb);
                System.out.printf("sync of the unchanged space: %d requests (%s), %.2f s, %.1f CPU-s%n", syncRequests,
                        sync.get("checked_playbooks"), syncSeconds, syncCpuSeconds);
            }
        }
        // each run's database holds two spaces of playbooks with their history (100 MB and more): repeated runs
        // would fill the disk; the service log and GC log stay
        if (!Boolean.getBoolean("bench.keep-db")) {
            deleteTree(work.resolve("db"));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /**
     * Lists the space once through the service's own client, so that the stand-in has built and compressed every
     * answer the import will ask for before the import is timed.
     */
    private static void primeStandIn(FakeConfluence site, String spaceKey) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            try (ConfluenceClient client = new ConfluenceClient(camel, site.settings().build())) {
                client.pages(spaceKey).forEachRemaining(page -> { });
            }
        }
    }

    /** Each request of the import, oldest first, with the milliseconds since the first: where the import waited. */
    private static void printRequestTimeline(FakeConfluence site) {
        List<ServeEvent> events = new ArrayList<>(site.server().getAllServeEvents());
        Collections.reverse(events);
        long first = events.get(0).getRequest().getLoggedDate().getTime();
        for (ServeEvent event : events) {
            String url = event.getRequest().getUrl();
            System.out.printf("%7d ms  %s%n", event.getRequest().getLoggedDate().getTime() - first,
                    url.substring(0, Math.min(120, url.length())));
        }
    }

    /** Waits until the JIT compiler threads use less than 0.05 s of CPU in a second (at most a minute); seconds waited. */
    private static double untilCompilersIdle(long pid) throws InterruptedException {
        long start = System.nanoTime();
        double before = compilerSeconds(pid);
        for (int second = 0; second < 60; second++) {
            Thread.sleep(1000);
            double now = compilerSeconds(pid);
            if (now - before < 0.05) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double compilerSeconds(long pid) {
        return ThreadCpu.of(pid).values().stream().filter(thread -> thread.group().contains("CompilerThre"))
                .mapToDouble(ThreadCpu.Sample::seconds).sum();
    }

    /** User plus system CPU time the process has used so far. */
    private static Duration cpuTime(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid));
    }

    /** The used heap (MB) before each collection the GC log shows so far, in order. */
    private static List<Integer> heapBeforeEachCollection(Path gcLog) throws IOException {
        List<Integer> heaps = new ArrayList<>();
        for (String line : Files.readAllLines(gcLog)) {
            Matcher collection = HEAP_BEFORE_GC.matcher(line);
            if (collection.find()) {
                heaps.add(Integer.parseInt(collection.group(1)));
            }
        }
        return heaps;
    }
}
