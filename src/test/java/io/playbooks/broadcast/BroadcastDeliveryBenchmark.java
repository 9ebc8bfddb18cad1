package io.playbooks.broadcast;

import io.playbooks.RunningService;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark, not a test (surefire skips it; run {@code mvn -B -o test -Dtest=BroadcastDeliveryBenchmark}): the
 * real service with the default poll interval, one local webhook. Prints (1) the latency from an event logged by
 * direct:broadcast to its arrival at the webhook, for events sent one by one, and (2) a burst: the time to log N events
 * and the time until the webhook has them all.
 */
class BroadcastDeliveryBenchmark {

    private static final int SINGLES = Integer.getInteger("bench.singles", 100);
    private static final int BURST = Integer.getInteger("bench.burst", 2000);

    @Test
    void deliveryLatencyAndBurst(@TempDir Path workDir) throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start();
             RunningService service = RunningService.start("broadcast-bench", workDir, Map.of(
                     "playbooks.db.url", "jdbc:h2:file:" + workDir.resolve("db/playbooks") + ";AUTO_SERVER=FALSE;WRITE_DELAY=500",
                     "playbooks.broadcast.endpoints", receiver.uri()))) {
            ProducerTemplate producer = service.camel().createProducerTemplate();
            Map<String, Instant> logged = new HashMap<>();
            for (int i = 0; i < SINGLES; i++) {
                EventEntry entry = producer.requestBody("direct:broadcast", SampleEvents.created("Single " + i), EventEntry.class);
                logged.put(String.valueOf(entry.id()), Instant.parse(entry.createdAt()));
                Thread.sleep(37);
            }
            Await.until("all single events delivered", () -> receiver.accepted().size() >= SINGLES);
            List<Long> latencies = new ArrayList<>();
            receiver.accepted().forEach(r -> latencies.add(Duration.between(logged.get(r.eventId()), r.at()).toMillis()));
            Collections.sort(latencies);
            System.err.printf("BENCH broadcast latency over %d events (poll 500 ms): p50 %d ms, p90 %d ms, max %d ms%n",
                    SINGLES, latencies.get(latencies.size() / 2), latencies.get(latencies.size() * 9 / 10),
                    latencies.get(latencies.size() - 1));

            long start = System.nanoTime();
            for (int i = 0; i < BURST; i++) {
                producer.sendBody("direct:broadcast", SampleEvents.created("Burst " + i));
            }
            long loggedNanos = System.nanoTime() - start;
            System.err.printf("BENCH broadcast burst of %d events logged in %d ms (%.0f events/s)%n", BURST,
                    loggedNanos / 1_000_000, BURST / (loggedNanos / 1e9));
            Await.until("the burst delivered", () -> receiver.accepted().size() >= SINGLES + BURST, Duration.ofMinutes(15));
            long deliveredNanos = System.nanoTime() - start;
            System.err.printf("BENCH broadcast burst of %d events all delivered %d ms after the first was logged (%.0f events/s)%n",
                    BURST, deliveredNanos / 1_000_000, BURST / (deliveredNanos / 1e9));
        }
    }
}
