package io.playbooks.broadcast;

import io.playbooks.api.ApiTokenCheck;
import io.playbooks.ops.BroadcastMeters;
import io.playbooks.storage.Durability;
import io.playbooks.storage.EventOutbox;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;

/**
 * Puts the broadcast into the service: {@code playbookEvents} (events with their target roles from config.json),
 * {@code eventLog} (direct:broadcast records into it, GET /events reads it), {@code deliveryDispatcher} (the timer
 * of routes/import.camel.yaml sends due deliveries with it), {@code deliveryReport}, {@code eventRetention}, the event
 * stream and the meters,
 * from the {@code playbooks.broadcast.*} settings of application.properties.
 */
public final class BroadcastWiring {

    /** At most this many endpoints are sent to at the same time; more wait for a free sender. */
    private static final int MAX_SENDERS = 8;

    private BroadcastWiring() {
    }

    public static void bind(CamelContext camel, DataSource dataSource, Durability durability, Clock clock, ApiTokenCheck tokens, Path configFile) throws Exception {
        PropertiesComponent properties = camel.getPropertiesComponent();
        List<BroadcastEndpoint> endpoints = BroadcastEndpoint.parse(properties.resolveProperty("playbooks.broadcast.endpoints").orElse(""));
        RetryPolicy retry = new RetryPolicy(Duration.ofMillis(number(properties, "playbooks.broadcast.retry.initial-ms", 1000)),
                Duration.ofMillis(number(properties, "playbooks.broadcast.retry.max-ms", 300_000)),
                (int) number(properties, "playbooks.broadcast.retry.max-attempts", 0), new Random());
        Duration lease = Duration.ofSeconds(number(properties, "playbooks.broadcast.lease-seconds", 120));
        int batchSize = (int) number(properties, "playbooks.broadcast.batch-size", 20);

        EventOutbox outbox = new EventOutbox(dataSource, clock);
        EventFeed feed = new EventFeed();
        EventLog log = new EventLog(outbox, endpoints, feed, durability);
        ExecutorService senders = camel.getExecutorServiceManager().newFixedThreadPool(BroadcastWiring.class, "broadcast",
                Math.max(1, Math.min(endpoints.size(), MAX_SENDERS)));
        DeliveryDispatcher dispatcher = new DeliveryDispatcher(outbox, durability, endpoints, retry, lease, batchSize,
                camel.createProducerTemplate(), senders, clock);

        camel.getRegistry().bind("playbookEvents", new PlaybookEvents(TargetRoles.load(configFile)));
        camel.getRegistry().bind("eventLog", log);
        camel.getRegistry().bind("deliveryDispatcher", dispatcher);
        camel.getRegistry().bind("deliveryReport", new DeliveryReport(outbox, dispatcher));
        camel.getRegistry().bind("eventRetention", new EventRetention(outbox,
                Duration.ofDays(number(properties, "playbooks.broadcast.retention-days", 90)), clock));
        EventStream stream = new EventStream(log, feed, tokens,
                Duration.ofMillis(number(properties, "playbooks.events.stream.heartbeat-ms", 15_000)));
        camel.addService(stream);
        camel.addStartupListener(stream);
        camel.addStartupListener(new BroadcastMeters(outbox, dispatcher));
    }

    private static long number(PropertiesComponent properties, String name, long defaultValue) {
        String text = properties.resolveProperty(name).orElse(null);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + text + "'", e);
        }
    }
}
