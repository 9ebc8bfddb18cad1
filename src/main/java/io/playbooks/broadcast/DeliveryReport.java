package io.playbooks.broadcast;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.playbooks.storage.EventOutbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /events/deliveries}: per endpoint, what was delivered, what is pending (and since which event), what was
 * given up, and the error of its latest failure. Endpoints no longer configured are listed with what they left.
 */
public class DeliveryReport {

    private final EventOutbox outbox;
    private final DeliveryDispatcher dispatcher;

    public DeliveryReport(EventOutbox outbox, DeliveryDispatcher dispatcher) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
    }

    public Deliveries deliveries() {
        Map<String, EventOutbox.EndpointState> stored = new LinkedHashMap<>();
        outbox.endpointStates().forEach(state -> stored.put(state.endpointKey(), state));
        List<EndpointDeliveries> rows = new ArrayList<>();
        for (BroadcastEndpoint endpoint : dispatcher.endpoints()) {
            EventOutbox.EndpointState state = stored.remove(endpoint.key());
            rows.add(state == null ? new EndpointDeliveries(endpoint.display(), endpoint.key(), true, 0, 0, 0, null, null, null, null)
                    : row(state, true));
        }
        stored.values().forEach(state -> rows.add(row(state, false)));
        long pending = rows.stream().filter(EndpointDeliveries::configured).mapToLong(EndpointDeliveries::pending).sum();
        long dead = rows.stream().mapToLong(EndpointDeliveries::dead).sum();
        return new Deliveries(rows, pending, dead, dispatcher.delivered(), dispatcher.failures());
    }

    private static EndpointDeliveries row(EventOutbox.EndpointState state, boolean configured) {
        return new EndpointDeliveries(state.endpoint(), state.endpointKey(), configured, state.pending(), state.delivered(),
                state.dead(), state.oldestPendingEventId(), state.lastDeliveredAt(), state.lastAttemptAt(), state.lastError());
    }

    public record Deliveries(List<EndpointDeliveries> endpoints, long pending, long dead,
                             @JsonProperty("delivered_since_start") long deliveredSinceStart,
                             @JsonProperty("failed_attempts_since_start") long failedAttemptsSinceStart) {
    }

    /** One endpoint; {@code configured} false: no longer in the settings, its pending deliveries are not sent. */
    public record EndpointDeliveries(String endpoint, String key, boolean configured, long pending, long delivered, long dead,
                                     @JsonProperty("oldest_pending_event_id") Long oldestPendingEventId,
                                     @JsonProperty("last_delivered_at") Instant lastDeliveredAt,
                                     @JsonProperty("last_attempt_at") Instant lastAttemptAt,
                                     @JsonProperty("last_error") String lastError) {
    }
}
