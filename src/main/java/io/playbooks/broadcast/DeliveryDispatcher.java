package io.playbooks.broadcast;

import io.playbooks.api.ApiException;
import io.playbooks.storage.Durability;
import io.playbooks.storage.EventOutbox;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.CamelContextHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the due deliveries of the outbox (the timer of routes/import.camel.yaml calls {@link #dispatchDue()}). Each
 * endpoint is served by its own task, at most one at a time: a slow or failing endpoint keeps only its own deliveries
 * waiting. Each delivery is claimed, sent with a {@link ProducerTemplate} to the endpoint URI, then marked delivered,
 * or its failure is counted and it is due again after a back-off (or given up, when the policy says so). No delivery
 * leaves before its event is in the database file ({@link Durability}): a receiver never hears of an event that a kill
 * could take back.
 */
public class DeliveryDispatcher {

    /** Receivers see the log id of the event: deliveries are at least once, so they drop ids they have seen. */
    public static final String EVENT_ID_HEADER = "Playbook-Event-Id";
    /** The route of routes/import.camel.yaml whose timer calls {@link #dispatchDue()}. */
    static final String ROUTE_ID = "broadcast-deliveries";
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final EventOutbox outbox;
    private final Durability durability;
    private final List<BroadcastEndpoint> endpoints;
    private final RetryPolicy retry;
    private final Duration lease;
    private final int batchSize;
    private final ProducerTemplate producer;
    private final ExecutorService senders;
    private final Clock clock;
    private final Map<String, AtomicBoolean> busy = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public DeliveryDispatcher(EventOutbox outbox, Durability durability, List<BroadcastEndpoint> endpoints,
                              RetryPolicy retry, Duration lease,
                              int batchSize, ProducerTemplate producer, ExecutorService senders, Clock clock) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("playbooks.broadcast.batch-size must be at least 1, got " + batchSize);
        }
        this.outbox = outbox;
        this.durability = durability;
        this.endpoints = List.copyOf(endpoints);
        this.retry = retry;
        this.lease = lease;
        this.batchSize = batchSize;
        this.producer = producer;
        this.senders = senders;
        this.clock = clock;
        this.endpoints.forEach(endpoint -> busy.put(endpoint.key(), new AtomicBoolean()));
    }

    /** Starts a sending task for every endpoint that has none running; returns at once. */
    public void dispatchDue() {
        for (BroadcastEndpoint endpoint : endpoints) {
            AtomicBoolean running = busy.get(endpoint.key());
            if (running.compareAndSet(false, true)) {
                try {
                    senders.execute(() -> {
                        try {
                            deliverDue(endpoint);
                        } catch (RuntimeException e) {
                            // the database failed: the deliveries stay pending and the next tick tries again
                            LOG.warn("Broadcast to {} paused until the next tick: {}", endpoint.display(), e.getMessage());
                        } finally {
                            running.set(false);
                        }
                    });
                } catch (RejectedExecutionException stopping) {
                    running.set(false);
                }
            }
        }
    }

    /**
     * Sends one endpoint's due deliveries a batch at a time, each on its own (a failure does not stop the batch),
     * until a batch comes back short: a burst of events drains at the endpoint's pace, not a batch per tick. Each
     * delivery is claimed just before it is sent, so its lease covers its own send only, and a sender that dies leaves
     * at most one delivery to be sent again, after one lease. A sent delivery is marked in the transaction that claims
     * the next one: one commit per delivery. The events of a batch, read from the outbox, are in the database file
     * before its first delivery is sent: one flush per batch.
     */
    void deliverDue(BroadcastEndpoint endpoint) {
        // looked up once, not at every send: resolving a URI parses and normalises it again each time
        Endpoint target = CamelContextHelper.getMandatoryEndpoint(producer.getCamelContext(), endpoint.uri());
        List<EventOutbox.Delivery> batch;
        List<EventOutbox.Delivery> sent = List.of();
        do {
            batch = outbox.due(endpoint.key(), batchSize);
            if (!batch.isEmpty()) {
                durability.awaitStored();
            }
            for (EventOutbox.Delivery delivery : batch) {
                List<EventOutbox.Delivery> claimed = outbox.deliveredThenClaim(sent, delivery, clock.instant().plus(lease));
                delivered.addAndGet(sent.size());
                sent = !claimed.isEmpty() && send(endpoint, target, delivery) ? claimed : List.of();
            }
        } while (batch.size() == batchSize && !Thread.currentThread().isInterrupted());
        outbox.delivered(sent);
        delivered.addAndGet(sent.size());
    }

    /** Sends one delivery; a failure is recorded (due again after a back-off, or given up) and answers false. */
    private boolean send(BroadcastEndpoint endpoint, Endpoint target, EventOutbox.Delivery delivery) {
        int attempts = delivery.attempts() + 1;
        Exchange sent = producer.send(target, exchange -> {
            // sent on behalf of the dispatching route: Camel's exchange meters need a route id to tag it with
            exchange.getExchangeExtension().setFromRouteId(ROUTE_ID);
            exchange.getMessage().setBody(delivery.payload());
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setHeader(EVENT_ID_HEADER, delivery.eventId());
        });
        if (sent.getException() == null) {
            if (attempts > 1) {
                LOG.info("Event {} delivered to {} at attempt {}", delivery.eventId(), endpoint.display(), attempts);
            }
            return true;
        }
        failures.incrementAndGet();
        String error = DeliveryError.describe(sent.getException(), endpoint);
        boolean dead = retry.givesUpAfter(attempts);
        Instant next = clock.instant().plus(retry.delayAfter(attempts));
        outbox.failed(delivery.id(), attempts, next, error, dead);
        if (dead) {
            LOG.warn("Event {} given up for {} after {} attempts: {}", delivery.eventId(), endpoint.display(), attempts, error);
        } else if (attempts == 1) {
            LOG.warn("Event {} not delivered to {} (tried again with back-off until it is): {}", delivery.eventId(),
                    endpoint.display(), error);
        } else {
            LOG.debug("Event {} not delivered to {} at attempt {}: {}", delivery.eventId(), endpoint.display(), attempts, error);
        }
        return false;
    }

    /**
     * {@code POST /events/deliveries/retry?endpoint=}: queues the given-up deliveries of one configured endpoint (by
     * the key of {@code GET /events/deliveries}), or of every configured endpoint, again and starts sending them.
     */
    public Requeued requeueGivenUp(@Header("endpoint") String endpointKey) {
        List<BroadcastEndpoint> chosen = endpointKey == null || endpointKey.isBlank() ? endpoints
                : endpoints.stream().filter(endpoint -> endpoint.key().equals(endpointKey.strip())).toList();
        if (chosen.isEmpty()) {
            throw ApiException.notFound("no configured broadcast endpoint has the key '" + endpointKey
                    + "' (GET /events/deliveries lists the keys)");
        }
        int requeued = chosen.stream().mapToInt(endpoint -> outbox.requeueDead(endpoint.key())).sum();
        if (requeued > 0) {
            LOG.info("{} given-up deliveries queued again for {}", requeued,
                    chosen.stream().map(BroadcastEndpoint::display).toList());
            dispatchDue();
        }
        return new Requeued(chosen.stream().map(BroadcastEndpoint::key).toList(), requeued);
    }

    public List<BroadcastEndpoint> endpoints() {
        return endpoints;
    }

    /** Deliveries sent since start. */
    public long delivered() {
        return delivered.get();
    }

    /** Failed delivery attempts since start. */
    public long failures() {
        return failures.get();
    }

    /** The endpoints whose given-up deliveries were queued again, and how many. */
    public record Requeued(List<String> endpoints, int requeued) {
    }
}
