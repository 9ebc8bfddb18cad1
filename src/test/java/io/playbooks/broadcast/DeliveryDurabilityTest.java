package io.playbooks.broadcast;

import io.playbooks.MovableClock;
import io.playbooks.storage.EventOutbox;
import io.playbooks.storage.HeldInMemoryFile;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On an H2 file that holds commits in memory, no delivery leaves before its event is in the file: whatever a receiver
 * was told, a kill at that moment keeps the event (and its id).
 */
class DeliveryDurabilityTest {

    @TempDir
    Path folder;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-08-01T00:00:00Z"));
    private HeldInMemoryFile file;
    private CamelContext camel;

    @BeforeEach
    void open() throws Exception {
        file = HeldInMemoryFile.open(folder);
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void close() throws Exception {
        camel.close();
        file.close();
    }

    @Test
    void eachDeliveredEventWasInTheFileWhenItsDeliveryLeft() throws Exception {
        EventOutbox outbox = new EventOutbox(file.database().dataSource(), clock);
        BroadcastEndpoint hook = new BroadcastEndpoint("direct:hook", "hook", "hook");
        for (int i = 0; i < 3; i++) {
            outbox.record("playbook_import", "info", "{}", List.of(hook.target()));
        }
        List<String> whatAKillWouldKeep = new CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:hook").process(exchange -> {
                    long event = exchange.getMessage().getHeader(DeliveryDispatcher.EVENT_ID_HEADER, Long.class);
                    whatAKillWouldKeep.add(event + ": " + file.countAfterAKill(
                            "SELECT COUNT(*) FROM playbook_events WHERE id = " + event));
                });
            }
        });
        ExecutorService unused = Executors.newSingleThreadExecutor();
        DeliveryDispatcher dispatcher = new DeliveryDispatcher(outbox, file.durability(), List.of(hook),
                new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), 0, new Random(1)), Duration.ofMinutes(2), 10,
                camel.createProducerTemplate(), unused, clock);

        dispatcher.deliverDue(hook);
        unused.shutdown();

        assertThat(whatAKillWouldKeep).hasSize(3).allSatisfy(kept -> assertThat(kept).endsWith(": 1"));
    }
}
