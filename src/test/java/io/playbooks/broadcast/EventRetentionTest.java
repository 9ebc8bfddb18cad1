package io.playbooks.broadcast;

import io.playbooks.storage.Database;
import io.playbooks.storage.EventOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event log keeps what is young or still pending, in batches however large the backlog. */
class EventRetentionTest {

    private static final Instant LOGGED = Instant.parse("2026-08-01T00:00:00Z");
    private static final Clock NINETY_ONE_DAYS_LATER = Clock.fixed(LOGGED.plus(Duration.ofDays(91)), ZoneOffset.UTC);

    private Database database;
    private EventOutbox outbox;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:mem:event_retention;DB_CLOSE_DELAY=-1", "", "");
        outbox = new EventOutbox(database.dataSource(), Clock.fixed(LOGGED, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void oldSettledEventsGoInBatchesUntilNoneIsLeft() {
        for (int i = 0; i < EventRetention.BATCH + 5; i++) {
            outbox.record("playbook_import", "info", "{}", List.of());
        }

        int pruned = new EventRetention(outbox, Duration.ofDays(90), NINETY_ONE_DAYS_LATER).prune();

        assertThat(pruned).isEqualTo(EventRetention.BATCH + 5);
        assertThat(outbox.latest(1)).isEmpty();
    }

    @Test
    void zeroDaysKeepsEverything() {
        outbox.record("playbook_import", "info", "{}", List.of());

        assertThat(new EventRetention(outbox, Duration.ZERO, NINETY_ONE_DAYS_LATER).prune()).isZero();
        assertThat(outbox.latest(1)).hasSize(1);
    }

    @Test
    void aNegativeRetentionIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> new EventRetention(outbox, Duration.ofDays(-1), NINETY_ONE_DAYS_LATER))
                .hasMessageContaining("playbooks.broadcast.retention-days");
    }
}
