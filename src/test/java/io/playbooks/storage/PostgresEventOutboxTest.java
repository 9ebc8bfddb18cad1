package io.playbooks.storage;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The outbox on a real PostgreSQL (embedded, started once for the class): a database of its own per test. */
class PostgresEventOutboxTest extends EventOutboxContract {

    @RegisterExtension
    static final PostgresDatabases POSTGRES = new PostgresDatabases();

    @Override
    protected Database openDatabase(String name) throws Exception {
        return POSTGRES.open(name);
    }
}
