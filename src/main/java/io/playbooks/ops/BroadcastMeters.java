package io.playbooks.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.playbooks.broadcast.DeliveryDispatcher;
import io.playbooks.storage.EventOutbox;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;

/**
 * The broadcast's Prometheus meters: deliveries pending and given up (read from the outbox, so they hold across
 * restarts and instances), and deliveries sent and attempts failed by this process. Bound like {@link PlaybookMeters}.
 */
public class BroadcastMeters implements MeterBinder, StartupListener {

    private final EventOutbox outbox;
    private final DeliveryDispatcher dispatcher;

    public BroadcastMeters(EventOutbox outbox, DeliveryDispatcher dispatcher) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
    }

    @Override
    public void onCamelContextStarted(CamelContext camel, boolean alreadyStarted) {
        MeterRegistries.of(camel).ifPresent(this::bindTo);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("playbooks.broadcast.deliveries.pending", outbox, store -> store.count("pending"))
                .description("event deliveries not yet delivered (all endpoints), in the outbox")
                .register(registry);
        Gauge.builder("playbooks.broadcast.deliveries.dead", outbox, store -> store.count("dead"))
                .description("event deliveries given up after playbooks.broadcast.retry.max-attempts")
                .register(registry);
        FunctionCounter.builder("playbooks.broadcast.delivered", dispatcher, DeliveryDispatcher::delivered)
                .description("event deliveries sent by this process")
                .register(registry);
        FunctionCounter.builder("playbooks.broadcast.delivery.failures", dispatcher, DeliveryDispatcher::failures)
                .description("event delivery attempts that failed in this process (each is tried again or given up)")
                .register(registry);
    }
}
