package io.playbooks.storage;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox on embedded H2, the default database: a database of its own per test. */
class H2EventOutboxTest extends EventOutboxContract {

    @Override
    protected Database openDatabase(String name) {
        return Database.open("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "", "");
    }

    @Override
    protected void assertWalksTheIndexInOrder(String plan) {
        assertThat(plan).contains("IX_PLAYBOOK_EVENT_DELIVERIES_NEXT").contains("/* index sorted */");
    }
}
