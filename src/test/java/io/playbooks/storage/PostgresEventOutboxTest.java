package io.playbooks.storage;

import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox on a real PostgreSQL (embedded, started once for the class): a database of its own per test. */
class PostgresEventOutboxTest extends EventOutboxContract {

    @RegisterExtension
    static final PostgresDatabases POSTGRES = new PostgresDatabases();

    @Override
    protected Database openDatabase(String name) throws Exception {
        return POSTGRES.open(name);
    }

    @Override
    protected void assertWalksTheIndexInOrder(String plan) {
        assertThat(plan).contains("Index Scan using ix_playbook_event_deliveries_next").doesNotContain("Sort");
    }
}
