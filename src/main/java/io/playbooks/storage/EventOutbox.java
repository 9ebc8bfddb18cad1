package io.playbooks.storage;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The broadcast outbox of V5__playbook_events.sql: the event log and, per event and endpoint, a delivery row that
 * the dispatcher claims, sends and marks. An event is written with all its deliveries in one transaction.
 */
public class EventOutbox {

    private static final String EVENT_COLUMNS = "id, created_at, payload";
    private static final int MAX_ERROR_LENGTH = 4000;
    /**
     * The batch is cut in a derived table ordered by the columns of ix_playbook_event_deliveries_due (state and
     * endpoint fixed by the condition), so that both databases walk that index from the longest due and stop at the
     * limit; only then are the batch's events joined (joined first, PostgreSQL merged every retained event in).
     */
    static final String DUE_DELIVERIES = "SELECT d.id, d.event_id, d.attempts, e.payload FROM ("
            + "SELECT id, event_id, attempts, next_attempt_at FROM playbook_event_deliveries "
            + "WHERE state = 'pending' AND endpoint_key = ? AND next_attempt_at <= ? "
            + "ORDER BY state, endpoint_key, next_attempt_at, event_id FETCH FIRST ? ROWS ONLY) d "
            + "JOIN playbook_events e ON e.id = d.event_id ORDER BY d.next_attempt_at, d.event_id";

    private final Transactions transactions;
    private final Clock clock;

    public EventOutbox(DataSource dataSource, Clock clock) {
        this.transactions = new Transactions(dataSource);
        this.clock = clock;
    }

    /** Logs an event and queues one delivery per endpoint, due now; returns the event's id. */
    public LoggedEvent record(String category, String severity, String payload, List<Endpoint> endpoints) {
        return transactions.run("log a " + category + " event", connection -> {
            Instant now = clock.instant();
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO playbook_events (category, severity, payload, created_at) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, category);
                insert.setString(2, severity);
                insert.setString(3, payload);
                insert.setTimestamp(4, Timestamp.from(now));
                insert.executeUpdate();
                id = generatedId(insert);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO playbook_event_deliveries "
                    + "(event_id, endpoint_key, endpoint, state, attempts, next_attempt_at) VALUES (?, ?, ?, 'pending', 0, ?)")) {
                for (Endpoint endpoint : endpoints) {
                    insert.setLong(1, id);
                    insert.setString(2, endpoint.key());
                    insert.setString(3, endpoint.display());
                    insert.setTimestamp(4, Timestamp.from(now));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return new LoggedEvent(id, now, payload);
        });
    }

    /** Up to {@code limit} events logged after the event {@code id}, oldest first. */
    public List<LoggedEvent> after(long id, int limit) {
        return events("SELECT " + EVENT_COLUMNS + " FROM playbook_events WHERE id > ? ORDER BY id FETCH FIRST ? ROWS ONLY",
                select -> select.setLong(1, id), limit);
    }

    /** Up to {@code limit} events logged at or after {@code time}, oldest first. */
    public List<LoggedEvent> since(Instant time, int limit) {
        return events("SELECT " + EVENT_COLUMNS + " FROM playbook_events WHERE created_at >= ? ORDER BY id FETCH FIRST ? ROWS ONLY",
                select -> select.setTimestamp(1, Timestamp.from(time)), limit);
    }

    /** The last {@code limit} events, oldest first. */
    public List<LoggedEvent> latest(int limit) {
        List<LoggedEvent> newestFirst = events("SELECT " + EVENT_COLUMNS + " FROM playbook_events WHERE id > ? "
                + "ORDER BY id DESC FETCH FIRST ? ROWS ONLY", select -> select.setLong(1, 0), limit);
        List<LoggedEvent> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * The pending deliveries of one endpoint that are due now, with the event they carry: the longest due first, then
     * in event order (a first attempt is due when its event is logged, so new events go in the order they were logged;
     * a retried one when its back-off ends). Reads about {@code limit} rows, however many are pending.
     */
    public List<Delivery> due(String endpointKey, int limit) {
        return transactions.run("read the due deliveries", connection -> {
            try (PreparedStatement select = connection.prepareStatement(DUE_DELIVERIES)) {
                select.setString(1, endpointKey);
                select.setTimestamp(2, Timestamp.from(clock.instant()));
                select.setInt(3, limit);
                List<Delivery> due = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        due.add(new Delivery(row.getLong(1), row.getLong(2), row.getInt(3), row.getString(4)));
                    }
                }
                return due;
            }
        });
    }

    /**
     * Takes due deliveries for one sending, so that no other dispatcher (another instance on the same database)
     * sends them meanwhile: they are not due again before {@code leaseUntil}, when a sender that died is given up on.
     * One transaction for the lot; answers those this sender got, in their order.
     */
    public List<Delivery> claim(List<Delivery> due, Instant leaseUntil) {
        if (due.isEmpty()) {
            return List.of();
        }
        return transactions.run("claim " + due.size() + " deliveries", connection -> claim(connection, due, leaseUntil));
    }

    /**
     * Marks sent deliveries delivered, at their next attempt, in one transaction. A crash before it leaves them claimed:
     * they are sent again when the lease ends (deliveries are at least once).
     */
    public void delivered(List<Delivery> sent) {
        if (sent.isEmpty()) {
            return;
        }
        transactions.run("record " + sent.size() + " deliveries", connection -> {
            markDelivered(connection, sent);
            return null;
        });
    }

    /**
     * {@link #delivered} and {@link #claim} in one transaction: a dispatcher that marks what it sent when it claims
     * the next delivery pays one commit per delivery instead of two (each commit of the default H2 database writes
     * to its file). Answers {@code next} when this sender got it, else nothing.
     */
    public List<Delivery> deliveredThenClaim(List<Delivery> sent, Delivery next, Instant leaseUntil) {
        return transactions.run("record " + sent.size() + " deliveries and claim one", connection -> {
            markDelivered(connection, sent);
            return claim(connection, List.of(next), leaseUntil);
        });
    }

    private List<Delivery> claim(Connection connection, List<Delivery> due, Instant leaseUntil) throws SQLException {
        List<Delivery> claimed = new ArrayList<>(due.size());
        try (PreparedStatement update = connection.prepareStatement("UPDATE playbook_event_deliveries SET next_attempt_at = ? "
                + "WHERE id = ? AND state = 'pending' AND next_attempt_at <= ?")) {
            Timestamp now = Timestamp.from(clock.instant());
            for (Delivery delivery : due) {
                update.setTimestamp(1, Timestamp.from(leaseUntil));
                update.setLong(2, delivery.id());
                update.setTimestamp(3, now);
                if (update.executeUpdate() == 1) {
                    claimed.add(delivery);
                }
            }
        }
        return claimed;
    }

    private void markDelivered(Connection connection, List<Delivery> sent) throws SQLException {
        if (sent.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement update = connection.prepareStatement("UPDATE playbook_event_deliveries "
                + "SET state = 'delivered', attempts = ?, last_attempt_at = ?, delivered_at = ? WHERE id = ?")) {
            for (Delivery delivery : sent) {
                update.setInt(1, delivery.attempts() + 1);
                update.setTimestamp(2, now);
                update.setTimestamp(3, now);
                update.setLong(4, delivery.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Records a failed attempt: due again at {@code nextAttempt}, or given up ({@code dead}) with its last error. */
    public void failed(long deliveryId, int attempts, Instant nextAttempt, String error, boolean dead) {
        update(deliveryId, "UPDATE playbook_event_deliveries SET state = ?, attempts = ?, last_attempt_at = ?, "
                + "next_attempt_at = ?, last_error = ? WHERE id = ?", update -> {
            update.setString(1, dead ? "dead" : "pending");
            update.setInt(2, attempts);
            update.setTimestamp(3, Timestamp.from(clock.instant()));
            update.setTimestamp(4, Timestamp.from(nextAttempt));
            update.setString(5, error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error);
            update.setLong(6, deliveryId);
        });
    }

    /** Deliveries in one state ({@code pending}, {@code delivered}, {@code dead}) over every endpoint. */
    public long count(String state) {
        return transactions.run("count " + state + " deliveries", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM playbook_event_deliveries WHERE state = ?")) {
                select.setString(1, state);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** Per endpoint that ever had a delivery: counts by state, the oldest pending event and the latest failure. */
    public List<EndpointState> endpointStates() {
        return transactions.run("read the delivery state", connection -> {
            List<EndpointState> states = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT endpoint_key, MAX(endpoint), "
                    + "SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN state = 'delivered' THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN state = 'dead' THEN 1 ELSE 0 END), "
                    + "MIN(CASE WHEN state = 'pending' THEN event_id END), MAX(delivered_at), MAX(last_attempt_at) "
                    + "FROM playbook_event_deliveries GROUP BY endpoint_key ORDER BY endpoint_key");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long oldestPending = row.getLong(6);
                    Long oldestPendingId = row.wasNull() ? null : oldestPending;
                    states.add(new EndpointState(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4),
                            row.getLong(5), oldestPendingId, instant(row.getTimestamp(7)),
                            instant(row.getTimestamp(8)), null));
                }
            }
            List<EndpointState> withErrors = new ArrayList<>();
            for (EndpointState state : states) {
                withErrors.add(state.withLastError(lastError(connection, state.endpointKey())));
            }
            return withErrors;
        });
    }

    /** The error of the latest failed attempt of a delivery not delivered since: the trouble an endpoint has now. */
    private static String lastError(Connection connection, String endpointKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT last_error FROM playbook_event_deliveries "
                + "WHERE endpoint_key = ? AND state <> 'delivered' AND last_error IS NOT NULL "
                + "ORDER BY last_attempt_at DESC FETCH FIRST 1 ROWS ONLY")) {
            select.setString(1, endpointKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    @FunctionalInterface
    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    /**
     * Makes the given-up deliveries of one endpoint (every endpoint when {@code endpointKey} is null) pending again,
     * due now, with their attempts counted afresh; the last error stays until the next attempt. Answers how many.
     */
    public int requeueDead(String endpointKey) {
        return transactions.run("queue the given-up deliveries again", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE playbook_event_deliveries "
                    + "SET state = 'pending', attempts = 0, next_attempt_at = ? WHERE state = 'dead'"
                    + (endpointKey == null ? "" : " AND endpoint_key = ?"))) {
                update.setTimestamp(1, Timestamp.from(clock.instant()));
                if (endpointKey != null) {
                    update.setString(2, endpointKey);
                }
                return update.executeUpdate();
            }
        });
    }

    /**
     * Deletes up to {@code limit} of the oldest events logged before {@code cutoff} whose deliveries are all settled
     * (delivered or given up), with those deliveries; an event still pending somewhere is kept whatever its age.
     * Answers how many events went: call again while it answers {@code limit}.
     */
    public int pruneSettledBefore(Instant cutoff, int limit) {
        return transactions.run("prune the event log", connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT e.id FROM playbook_events e "
                    + "WHERE e.created_at < ? AND NOT EXISTS (SELECT 1 FROM playbook_event_deliveries d "
                    + "WHERE d.event_id = e.id AND d.state = 'pending') ORDER BY e.id FETCH FIRST ? ROWS ONLY")) {
                select.setTimestamp(1, Timestamp.from(cutoff));
                select.setInt(2, limit);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getLong(1));
                    }
                }
            }
            deleteEach(connection, "DELETE FROM playbook_event_deliveries WHERE event_id = ?", ids);
            deleteEach(connection, "DELETE FROM playbook_events WHERE id = ?", ids);
            return ids.size();
        });
    }

    private static void deleteEach(Connection connection, String sql, List<Long> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            for (long id : ids) {
                delete.setLong(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    private List<LoggedEvent> events(String sql, Parameters parameters, int limit) {
        return transactions.run("read the event log", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                parameters.set(select);
                select.setInt(2, limit);
                List<LoggedEvent> events = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        events.add(new LoggedEvent(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3)));
                    }
                }
                return events;
            }
        });
    }

    private void update(long deliveryId, String sql, Parameters parameters) {
        transactions.run("record the attempt of delivery " + deliveryId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                parameters.set(update);
                update.executeUpdate();
            }
            return null;
        });
    }

    private static long generatedId(Statement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database returned no id for the new event");
            }
            return keys.getLong(1);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Where an event is to be delivered: a stable key of the endpoint URI, and the URI as people may see it. */
    public record Endpoint(String key, String display) {
    }

    /** An event of the log: its id (the cursor of readers), when it was logged, and its JSON. */
    public record LoggedEvent(long id, Instant createdAt, String payload) {
    }

    /** A delivery due to be sent: attempts made so far, and the event's JSON. */
    public record Delivery(long id, long eventId, int attempts, String payload) {
    }

    /** What an endpoint has had delivered, has pending and gave up on. */
    public record EndpointState(String endpointKey, String endpoint, long pending, long delivered, long dead,
                                Long oldestPendingEventId, Instant lastDeliveredAt, Instant lastAttemptAt, String lastError) {
        EndpointState withLastError(String error) {
            return new EndpointState(endpointKey, endpoint, pending, delivered, dead, oldestPendingEventId, lastDeliveredAt,
                    lastAttemptAt, error);
        }
    }
}
