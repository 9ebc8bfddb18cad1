package io.playbooks.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The outbox on a real PostgreSQL (embedded, started once for the class): a database of its own per test. */
class PostgresEventOutboxTest extends EventOutboxContract {

    private static PostgresDatabases postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresDatabases.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Override
    protected Database openDatabase(String name) throws Exception {
        return Database.open(postgres.create(name), PostgresDatabases.USER, "");
    }
}
