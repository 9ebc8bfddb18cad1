package io.playbooks.broadcast;

import io.playbooks.MovableClock;
import io.playbooks.storage.Database;
import io.playbooks.storage.Durability;
import io.playbooks.storage.EventOutbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each delivery is leased from just before its send: however slow the endpoint (here each send takes almost a whole
 * lease), the delivery being sent never becomes due for another sender, and each is sent once.
 */
class DeliveryLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(120);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-08-01T00:00:00Z"));
    private Database database;
    private EventOutbox outbox;
    private CamelContext camel;

    @BeforeEach
    void open() throws Exception {
        database = Database.open("jdbc:h2:mem:delivery_lease;DB_CLOSE_DELAY=-1", "", "");
        outbox = new EventOutbox(database.dataSource(), clock);
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void close() throws Exception {
        camel.close();
        database.close();
    }

    @Test
    void theDeliveryBeingSentIsNeverDueForAnotherSenderAndEachIsSentOnce() throws Exception {
        BroadcastEndpoint hook = new BroadcastEndpoint("direct:slow-hook", "hook", "slow hook");
        for (int i = 0; i < 3; i++) {
            outbox.record("playbook_import", "info", "{}", List.of(hook.target()));
        }
        List<Long> inFlightDueForAnotherSender = new ArrayList<>();
        List<Long> sent = new ArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slow-hook").process(exchange -> {
                    long inFlight = exchange.getMessage().getHeader(DeliveryDispatcher.EVENT_ID_HEADER, Long.class);
                    sent.add(inFlight);
                    clock.advance(LEASE.minusSeconds(1));
                    outbox.due("hook", 10).stream().map(EventOutbox.Delivery::eventId).filter(id -> id == inFlight)
                            .forEach(inFlightDueForAnotherSender::add);
                });
            }
        });
        ExecutorService unused = Executors.newSingleThreadExecutor();
        DeliveryDispatcher dispatcher = new DeliveryDispatcher(outbox, Durability.atCommit(), List.of(hook),
                new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), 0, new Random(1)), LEASE, 10,
                camel.createProducerTemplate(), unused, clock);

        // called on the test's thread: dispatchDue would hand it to the senders
        dispatcher.deliverDue(hook);
        unused.shutdown();

        assertThat(inFlightDueForAnotherSender).isEmpty();
        assertThat(sent).doesNotHaveDuplicates().hasSize(3);
        assertThat(dispatcher.delivered()).isEqualTo(3);
        assertThat(outbox.count("delivered")).isEqualTo(3);
    }
    @Test
    void anEndpointCamelCannotResolveLeasesNoDelivery() {
        BroadcastEndpoint hook = new BroadcastEndpoint("nosuchcomponent:hook", "hook", "unresolvable hook");
        outbox.record("playbook_import", "info", "{}", List.of(hook.target()));
        ExecutorService unused = Executors.newSingleThreadExecutor();
        DeliveryDispatcher dispatcher = new DeliveryDispatcher(outbox, Durability.atCommit(), List.of(hook),
                new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), 0, new Random(1)), LEASE, 10,
                camel.createProducerTemplate(), unused, clock);

        assertThatThrownBy(() -> dispatcher.deliverDue(hook)).hasMessageContaining("nosuchcomponent");
        unused.shutdown();

        // the endpoint is looked up before any delivery is claimed: the next tick finds the delivery due at once
        assertThat(outbox.due("hook", 10)).hasSize(1);
    }
}
