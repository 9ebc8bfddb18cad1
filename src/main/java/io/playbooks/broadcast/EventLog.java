package io.playbooks.broadcast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.api.ApiException;
import io.playbooks.storage.Durability;
import io.playbooks.storage.EventOutbox;
import io.playbooks.storage.SharedTransaction;
import org.apache.camel.Header;

import java.util.ArrayList;
import java.util.List;

/**
 * The event log, the built-in broadcast endpoint: {@code direct:broadcast} records each event here together with one
 * delivery per configured endpoint (one transaction); agents, the dashboard and the event stream read it back by cursor.
 * What they read is in the database file first ({@link Durability}): a kill cannot take back an event someone saw,
 * nor give its id to another one.
 */
public class EventLog {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final EventOutbox outbox;
    private final List<BroadcastEndpoint> endpoints;
    private final EventFeed feed;
    private final Durability durability;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public EventLog(EventOutbox outbox, List<BroadcastEndpoint> endpoints, EventFeed feed, Durability durability) {
        this.outbox = outbox;
        this.endpoints = List.copyOf(endpoints);
        this.feed = feed;
        this.durability = durability;
    }

    /** Logs the event and queues its deliveries; answers the logged entry (with its id). */
    public EventEntry record(PlaybookEvent event) {
        if (event == null || event.category() == null || event.severity() == null) {
            throw new IllegalArgumentException("a broadcast event needs a category and a severity, got " + event);
        }
        EventOutbox.LoggedEvent logged = outbox.record(event.category(), event.severity(), payload(event),
                endpoints.stream().map(BroadcastEndpoint::target).toList());
        // readers woken before an import's transaction commits would not see the event yet; woken once it is in the
        // file, streams read the events of a whole flush at a time
        SharedTransaction.afterCommit(() -> durability.afterStored(feed::logged));
        // the event in hand is what the log holds: no need to read its JSON back
        return new EventEntry(logged.id(), logged.createdAt().toString(), event);
    }

    /** {@code GET /events?since=&limit=}: the events after a cursor (an id or a time), else the latest ones. */
    public EventPage page(@Header("since") String since, @Header("limit") String limit) {
        return stored(pageOf(since, limit));
    }

    private EventPage pageOf(String since, String limit) {
        EventCursor cursor = EventCursor.parse(since);
        int size = limit(limit);
        if (cursor.afterId() == null && cursor.since() == null) {
            List<EventEntry> latest = entries(outbox.latest(size));
            return new EventPage(latest, latest.isEmpty() ? 0 : latest.get(latest.size() - 1).id(), false);
        }
        List<EventOutbox.LoggedEvent> found = cursor.afterId() != null ? outbox.after(cursor.afterId(), size + 1)
                : outbox.since(cursor.since(), size + 1);
        boolean more = found.size() > size;
        List<EventEntry> events = entries(more ? found.subList(0, size) : found);
        long next = !events.isEmpty() ? events.get(events.size() - 1).id()
                : cursor.afterId() != null ? cursor.afterId() : lastId();
        return new EventPage(events, next, more);
    }

    /** Up to {@code limit} events after the event {@code id}, oldest first (what a stream sends next). */
    public List<EventEntry> after(long id, int limit) {
        List<EventEntry> read = entries(outbox.after(id, limit));
        // streams ask at every heartbeat: a read that found nothing shows nothing a kill could take back
        return read.isEmpty() ? read : stored(read);
    }

    /** The id a stream starts after: the cursor's id, the event before the first one at its time, else the newest. */
    public long startAfter(EventCursor cursor) {
        return stored(startOf(cursor));
    }

    private long startOf(EventCursor cursor) {
        if (cursor.afterId() != null) {
            return cursor.afterId();
        }
        if (cursor.since() != null) {
            List<EventOutbox.LoggedEvent> first = outbox.since(cursor.since(), 1);
            if (!first.isEmpty()) {
                return first.get(0).id() - 1;
            }
        }
        return lastId();
    }

    /** The id of the newest event, 0 for an empty log: where a reader that wants only new events starts. */
    public long lastId() {
        List<EventOutbox.LoggedEvent> latest = outbox.latest(1);
        return latest.isEmpty() ? 0 : latest.get(0).id();
    }

    /** What was read, once it is in the database file: read first, so that everything read is covered. */
    private <T> T stored(T read) {
        durability.awaitStored();
        return read;
    }

    private String payload(PlaybookEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            // the service's own record failed to serialise: its fault, never the caller's bad JSON
            throw new IllegalStateException("the " + event.category() + " event cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private List<EventEntry> entries(List<EventOutbox.LoggedEvent> logged) {
        List<EventEntry> entries = new ArrayList<>(logged.size());
        for (EventOutbox.LoggedEvent event : logged) {
            entries.add(entry(event));
        }
        return entries;
    }

    private EventEntry entry(EventOutbox.LoggedEvent logged) {
        try {
            return new EventEntry(logged.id(), logged.createdAt().toString(), json.readValue(logged.payload(), PlaybookEvent.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + logged.id() + " of the log is not a playbook event: " + e.getOriginalMessage(), e);
        }
    }

    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + text + "'");
    }
}
