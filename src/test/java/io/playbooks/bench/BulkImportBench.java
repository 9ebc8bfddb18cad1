package io.playbooks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.confluence.FakeConfluence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A harness, not a test: the built jar, started as its own process with {@code -Xmx256m}, bulk-imports a space of
 * N pages from a fake Confluence Cloud that answers every call after a fixed latency, then syncs the unchanged
 * space. Prints the figures of the README: time, pages/s, requests, peak heap, startup time.
 * <pre>
 * mvn -B -q package -DskipTests &amp;&amp; mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) io.playbooks.bench.BulkImportBench 10000 20
 * </pre>
 */
public final class BulkImportBench {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private BulkImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path work = Files.createDirectories(Path.of("target/bench/bulk-" + System.currentTimeMillis()));
        try (FakeConfluence site = FakeConfluence.cloud().start()) {
            site.addSpace("BENCH", "Benchmark space");
            site.addGeneratedPages("BENCH", pages);
            site.latency(Duration.ofMillis(latencyMs));
            Path config = ServiceProcess.confluenceConfig(work, site, "BENCH");
            List<String> jvmOptions = new ArrayList<>(List.of("-Xmx256m"));
            // e.g. -Dbench.jvm-args=-XX:StartFlightRecording=filename=target/bench/service.jfr to profile the service
            String extraJvmArgs = System.getProperty("bench.jvm-args", "");
            if (!extraJvmArgs.isBlank()) {
                jvmOptions.addAll(List.of(extraJvmArgs.trim().split("\\s+")));
            }
            try (ServiceProcess service = ServiceProcess.launch(work, 18900, config, jvmOptions)) {
                site.resetRequests();
                AtomicLong peakHeapKb = new AtomicLong();
                Thread sampler = heapSampler(service.pid(), peakHeapKb);
                Duration cpuBefore = cpuTime(service.pid());
                long start = System.nanoTime();
                JsonNode report = service.post("/bulk-import", "{\"space_key\": \"BENCH\"}");
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = cpuTime(service.pid()).minus(cpuBefore).toMillis() / 1000.0;
                sampler.interrupt();
                int importRequests = site.requestCount();
                site.resetRequests();
                JsonNode sync = service.post("/sync", "{}");
                int syncRequests = site.requestCount();
                System.out.printf("pages %d, latency %d ms%n", pages, latencyMs);
                System.out.printf("startup to first answer: %.2f s%n", service.startup().toMillis() / 1000.0);
                System.out.printf("bulk import: %.2f s, %.0f pages/s, %d requests, imported %d, not playbooks %d, failed %d%n",
                        seconds, pages / seconds, importRequests, report.get("successful_imports").asInt(),
                        report.get("not_playbooks").asInt(), report.get("failed_imports").asInt());
                // CPU time of the service process: less sensitive than wall time to other work on a shared machine
                System.out.printf("service CPU for the import: %.1f s (%.0f pages per CPU-second)%n", cpuSeconds,
                        pages / cpuSeconds);
                System.out.printf("peak heap used (jcmd samples, -Xmx256m): %d MB%n", peakHeapKb.get() / 1024);
                System.out.printf("sync of the unchanged space: %d requests (%s)%n", syncRequests, sync.get("checked_playbooks"));
            }
        }
    }

    /** User plus system CPU time the process has used so far. */
    private static Duration cpuTime(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid));
    }

    /** Samples the service's used heap with jcmd every 200 ms, keeping the largest value. */
    private static Thread heapSampler(long pid, AtomicLong peakKb) {
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_info").start();
                    String out = new String(jcmd.getInputStream().readAllBytes());
                    Matcher used = HEAP_USED.matcher(out);
                    if (used.find()) {
                        peakKb.accumulateAndGet(Long.parseLong(used.group(1)), Math::max);
                    }
                    Thread.sleep(200);
                } catch (IOException e) {
                    return;
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }
}
