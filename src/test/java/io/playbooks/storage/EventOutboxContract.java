package io.playbooks.storage;

import io.playbooks.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Behaviour of {@link EventOutbox} (V5__playbook_events.sql), run against each database the service supports. */
abstract class EventOutboxContract {

    private static final EventOutbox.Endpoint HOOK = new EventOutbox.Endpoint("hook-key", "https://hooks.example.com/…");
    private static final EventOutbox.Endpoint KAFKA = new EventOutbox.Endpoint("kafka-key", "kafka:playbook-events");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private Database database;
    private EventOutbox outbox;

    protected abstract Database openDatabase(String name) throws Exception;

    @BeforeEach
    void open(TestInfo test) throws Exception {
        database = openDatabase("outbox_" + test.getTestMethod().orElseThrow().getName().toLowerCase());
        outbox = new EventOutbox(database.dataSource(), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anEventIsLoggedWithOneDueDeliveryPerEndpoint() {
        EventOutbox.LoggedEvent logged = outbox.record("playbook_import", "info", "{\"message\":\"m\"}", List.of(HOOK, KAFKA));

        assertThat(outbox.due("hook-key", 10)).singleElement().satisfies(delivery -> {
            assertThat(delivery.eventId()).isEqualTo(logged.id());
            assertThat(delivery.attempts()).isZero();
            assertThat(delivery.payload()).isEqualTo("{\"message\":\"m\"}");
        });
        assertThat(outbox.due("kafka-key", 10)).hasSize(1);
        assertThat(outbox.count("pending")).isEqualTo(2);
        assertThat(outbox.after(0, 10)).extracting(EventOutbox.LoggedEvent::id).containsExactly(logged.id());
    }

    @Test
    void aClaimedDeliveryIsNotTakenAgainUntilItsLeaseEnds() {
        outbox.record("playbook_import", "info", "{}", List.of(HOOK));
        List<EventOutbox.Delivery> due = outbox.due("hook-key", 10);

        assertThat(outbox.claim(due, clock.instant().plusSeconds(120))).isEqualTo(due);
        assertThat(outbox.claim(due, clock.instant().plusSeconds(120))).as("a second sender").isEmpty();
        assertThat(outbox.due("hook-key", 10)).isEmpty();
        clock.advance(Duration.ofSeconds(121));
        assertThat(outbox.due("hook-key", 10)).as("the sender died: sent again").hasSize(1);
    }

    @Test
    void theSentDeliveryIsMarkedInTheTransactionThatClaimsTheNext() {
        outbox.record("playbook_import", "info", "{}", List.of(HOOK));
        outbox.record("playbook_import", "info", "{}", List.of(HOOK));
        List<EventOutbox.Delivery> due = outbox.due("hook-key", 10);
        Instant lease = clock.instant().plusSeconds(120);
        List<EventOutbox.Delivery> first = outbox.deliveredThenClaim(List.of(), due.get(0), lease);

        List<EventOutbox.Delivery> second = outbox.deliveredThenClaim(first, due.get(1), lease);

        assertThat(first).containsExactly(due.get(0));
        assertThat(second).containsExactly(due.get(1));
        assertThat(outbox.deliveredThenClaim(List.of(), due.get(1), lease)).as("a second sender").isEmpty();
        assertThat(outbox.count("delivered")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(121));
        assertThat(outbox.due("hook-key", 10)).as("the sender died before marking the second").containsExactly(due.get(1));
    }

    @Test
    void aFailedDeliveryIsDueAgainAfterItsBackOffAndADeliveredOneNever() {
        outbox.record("playbook_import", "info", "{}", List.of(HOOK, KAFKA));
        long hook = outbox.due("hook-key", 10).get(0).id();
        List<EventOutbox.Delivery> kafka = outbox.due("kafka-key", 10);

        outbox.failed(hook, 1, clock.instant().plusSeconds(30), "HTTP 503 Service Unavailable", false);
        outbox.delivered(kafka);

        assertThat(outbox.due("hook-key", 10)).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        assertThat(outbox.due("hook-key", 10)).singleElement().satisfies(d -> assertThat(d.attempts()).isEqualTo(1));
        assertThat(outbox.due("kafka-key", 10)).isEmpty();
        assertThat(outbox.endpointStates()).satisfiesExactlyInAnyOrder(
                hookState -> {
                    assertThat(hookState.endpointKey()).isEqualTo("hook-key");
                    assertThat(hookState.pending()).isEqualTo(1);
                    assertThat(hookState.lastError()).isEqualTo("HTTP 503 Service Unavailable");
                },
                kafkaState -> {
                    assertThat(kafkaState.delivered()).isEqualTo(1);
                    assertThat(kafkaState.lastError()).isNull();
                    assertThat(kafkaState.oldestPendingEventId()).isNull();
                });
    }

    @Test
    void aDeadDeliveryIsNeverDueAgainAndIsCounted() {
        outbox.record("playbook_import", "info", "{}", List.of(HOOK));
        long id = outbox.due("hook-key", 10).get(0).id();

        outbox.failed(id, 5, clock.instant(), "x".repeat(5000), true);

        clock.advance(Duration.ofDays(1));
        assertThat(outbox.due("hook-key", 10)).isEmpty();
        assertThat(outbox.count("dead")).isEqualTo(1);
        assertThat(outbox.endpointStates().get(0).lastError()).hasSize(4000);
    }

    @Test
    void givenUpDeliveriesAreQueuedAgainForOneEndpointOrAll() {
        outbox.record("playbook_import", "info", "{}", List.of(HOOK, KAFKA));
        outbox.failed(outbox.due("hook-key", 10).get(0).id(), 5, clock.instant(), "HTTP 500", true);
        outbox.failed(outbox.due("kafka-key", 10).get(0).id(), 5, clock.instant(), "broker down", true);

        assertThat(outbox.requeueDead("hook-key")).isEqualTo(1);
        assertThat(outbox.due("hook-key", 10)).singleElement().satisfies(d -> assertThat(d.attempts()).isZero());
        assertThat(outbox.due("kafka-key", 10)).isEmpty();
        assertThat(outbox.requeueDead(null)).isEqualTo(1);
        assertThat(outbox.due("kafka-key", 10)).hasSize(1);
        assertThat(outbox.count("dead")).isZero();
    }

    @Test
    void pruningDropsOldSettledEventsAndKeepsPendingOnesWhateverTheirAge() {
        outbox.record("playbook_import", "info", "{\"n\":1}", List.of(HOOK));
        long pending = outbox.record("playbook_import", "info", "{\"n\":2}", List.of(HOOK)).id();
        outbox.record("playbook_import", "info", "{\"n\":3}", List.of());
        outbox.delivered(outbox.due("hook-key", 10).subList(0, 1));
        clock.advance(Duration.ofDays(2));
        long recent = outbox.record("playbook_import", "info", "{\"n\":4}", List.of(HOOK)).id();
        outbox.delivered(outbox.due("hook-key", 10).subList(1, 2));

        assertThat(outbox.pruneSettledBefore(clock.instant().minus(Duration.ofDays(1)), 1)).isEqualTo(1);
        assertThat(outbox.pruneSettledBefore(clock.instant().minus(Duration.ofDays(1)), 10)).isEqualTo(1);

        assertThat(outbox.after(0, 10)).extracting(EventOutbox.LoggedEvent::id).containsExactly(pending, recent);
        assertThat(outbox.endpointStates()).singleElement().satisfies(state -> {
            assertThat(state.delivered()).as("the pruned event's delivery went with it").isEqualTo(1);
            assertThat(state.pending()).isEqualTo(1);
        });
        assertThat(outbox.due("hook-key", 10)).extracting(EventOutbox.Delivery::eventId).containsExactly(pending);
    }

    @Test
    void theLogIsReadAfterAnIdFromATimeOrFromTheEnd() {
        long first = outbox.record("playbook_import", "info", "{\"n\":1}", List.of()).id();
        clock.advance(Duration.ofMinutes(1));
        long second = outbox.record("playbook_import", "info", "{\"n\":2}", List.of()).id();
        long third = outbox.record("playbook_outdated", "warning", "{\"n\":3}", List.of()).id();

        assertThat(outbox.after(first, 1)).extracting(EventOutbox.LoggedEvent::id).containsExactly(second);
        assertThat(outbox.since(Instant.parse("2026-11-27T12:01:00Z"), 10)).extracting(EventOutbox.LoggedEvent::id)
                .containsExactly(second, third);
        assertThat(outbox.latest(2)).extracting(EventOutbox.LoggedEvent::id).containsExactly(second, third);
    }

    @Test
    void aBatchOfDueDeliveriesReadsAboutTheBatchHoweverManyArePendingOrWaiting() throws SQLException {
        List<Long> events = logEvents(2000);
        outbox.delivered(outbox.due("hook-key", 500));

        assertThat(outbox.due("hook-key", 20)).extracting(EventOutbox.Delivery::eventId)
                .containsExactlyElementsOf(events.subList(500, 520));
        // a few reads a delivery of the batch (its row, its event; H2 counts the batch's table again), not 500 or 2,000
        assertThat(rowsReadByTheDueQuery("hook-key", clock.instant(), 20)).as("1,500 pending, 500 delivered")
                .isLessThanOrEqualTo(100);
        assertThat(rowsReadByTheDueQuery("hook-key", clock.instant().minusSeconds(1), 20)).as("none due yet")
                .isLessThanOrEqualTo(5);
    }

    @Test
    void aRetriedDeliveryIsDueAfterTheFirstAttemptsThatWereDueBeforeItsBackOffEnded() {
        long first = outbox.record("playbook_import", "info", "{}", List.of(HOOK)).id();
        outbox.failed(outbox.due("hook-key", 1).get(0).id(), 1, clock.instant().plusSeconds(30), "HTTP 503", false);
        clock.advance(Duration.ofSeconds(10));
        long second = outbox.record("playbook_import", "info", "{}", List.of(HOOK)).id();
        clock.advance(Duration.ofSeconds(30));
        long third = outbox.record("playbook_import", "info", "{}", List.of(HOOK)).id();

        assertThat(outbox.due("hook-key", 10)).extracting(EventOutbox.Delivery::eventId)
                .containsExactly(second, first, third);
    }

    /** The words that make this database run a query and account for the rows it read (EXPLAIN ANALYZE). */
    protected abstract String explainAnalyze();

    /** The rows of every table the database read, from its answer to {@link #explainAnalyze()}. */
    protected abstract long rowsRead(String explained) throws SQLException;

    /** Logs that many events, each with a delivery to both endpoints, in one transaction; answers their ids in order. */
    private List<Long> logEvents(int count) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement event = connection.prepareStatement("INSERT INTO playbook_events "
                    + "(category, severity, payload, created_at) VALUES ('playbook_import', 'info', '{}', ?)",
                    Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement delivery = connection.prepareStatement("INSERT INTO playbook_event_deliveries "
                         + "(event_id, endpoint_key, endpoint, state, attempts, next_attempt_at) VALUES (?, ?, ?, 'pending', 0, ?)")) {
                Timestamp now = Timestamp.from(clock.instant());
                for (int i = 0; i < count; i++) {
                    event.setTimestamp(1, now);
                    event.executeUpdate();
                    try (ResultSet key = event.getGeneratedKeys()) {
                        key.next();
                        ids.add(key.getLong(1));
                    }
                    for (EventOutbox.Endpoint endpoint : List.of(HOOK, KAFKA)) {
                        delivery.setLong(1, ids.get(i));
                        delivery.setString(2, endpoint.key());
                        delivery.setString(3, endpoint.display());
                        delivery.setTimestamp(4, now);
                        delivery.addBatch();
                    }
                }
                delivery.executeBatch();
            }
            connection.commit();
            // statistics as a database that has run for a while has them (committed: the pool rolls back what is not)
            connection.setAutoCommit(true);
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE");
            }
        }
        return ids;
    }

    private long rowsReadByTheDueQuery(String endpointKey, Instant now, int limit) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement explain = connection.prepareStatement(explainAnalyze() + " " + EventOutbox.DUE_DELIVERIES)) {
            explain.setString(1, endpointKey);
            explain.setTimestamp(2, Timestamp.from(now));
            explain.setInt(3, limit);
            try (ResultSet answer = explain.executeQuery()) {
                answer.next();
                return rowsRead(answer.getString(1));
            }
        }
    }
}
